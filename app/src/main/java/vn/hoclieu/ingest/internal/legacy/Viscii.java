package vn.hoclieu.ingest.internal.legacy;

/**
 * VISCII, from RFC 1456 (the table agrees with glibc's VISCII): all 134 letters on single bytes,
 * six capitals on C0 control codes. Bytes 0x81 Ắ, 0x8D Ễ, 0x8F Ố, 0x90 Ồ and 0x9D Ũ are holes in
 * Windows-1252: decoded as U+0081… (ISO-8859-1) they are recovered, as U+FFFD they are lost.
 */
final class Viscii {

    static final SingleByteTable TABLE = new SingleByteTable(
            "02 Ẳ", "05 ẴẪ", "14 Ỷ", "19 Ỹ", "1E Ỵ",
            "80 ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐ",
            "90 ỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ",
            "A0 Õắằặấầẩậẽẹếềểễệố",
            "B0 ồổỗỠƠộờởịỰỨỪỬơớƯ",
            "C0 ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳ",
            "D0 ĐứÒÓÔạỷừửÙÚỹỵÝỡư",
            "E0 àáâãảăữẫèéêẻìíĩỉ",
            "F0 đựòóôõỏọụùúũủýợỮ");

    private Viscii() {
    }
}
