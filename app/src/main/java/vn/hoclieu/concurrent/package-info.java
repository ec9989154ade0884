/**
 * Concurrency building blocks any module may use. It depends on no other module and holds no
 * state of its own, so that, at the bottom of the modules' arrows, it can never close a cycle.
 */
package vn.hoclieu.concurrent;
