/**
 * QR codes drawn on the server, as SVG, so that a poster or a share link can be scanned from paper
 * or from another screen without the page asking any outside service. It depends on no other
 * module, so any module may use it.
 */
package vn.hoclieu.qrcode;
