/**
 * Sharing: resources shared between libraries (the shares themselves are part of the catalogue's
 * resource, because the visibility rule reads them; this module offers the commands, pages and
 * API) and share links, which let anyone holding one view one resource until it expires or is
 * revoked. Links carry a target type so that collections can have them too once collections exist.
 */
package vn.hoclieu.sharing;
