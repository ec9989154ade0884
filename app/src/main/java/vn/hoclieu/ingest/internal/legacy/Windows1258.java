package vn.hoclieu.ingest.internal.legacy;

/**
 * Windows-1258 keeps tones as combining marks after the base letter. Correctly decoded text only
 * needs composing to NFC; text whose bytes were decoded as Windows-1252 is first re-read through
 * this table of the 14 bytes where the two code pages differ (Microsoft's code page 1258; the
 * table agrees with glibc's CP1258). On correctly decoded text the table changes nothing: those
 * 14 Windows-1252 characters cannot occur in Windows-1258 text.
 */
final class Windows1258 {

    static final SingleByteTable TABLE = new SingleByteTable(
            "C3 Ă", "CC \u0300", "D0 Đ", "D2 \u0309", "D5 Ơ", "DD Ư", "DE \u0303",
            "E3 ă", "EC \u0301", "F0 đ", "F2 \u0323", "F5 ơ", "FD ư", "FE ₫");

    private Windows1258() {
    }
}
