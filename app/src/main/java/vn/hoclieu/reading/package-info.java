/**
 * Reading programmes: a librarian or teacher turns a collection into a reading challenge with a
 * start and an end date; readers join, mark what they read (with a short note of their own) and see
 * their progress; organisers see who joined and how far each got; a poster with a QR code brings
 * readers to it and a certificate closes it. A reader's record is theirs and their programmes'
 * organisers' only: they may export or delete it, and no page ranks readers by name. Materials are
 * the collection's items, each passed through the catalogue's visibility rule for whoever asks.
 */
package vn.hoclieu.reading;
