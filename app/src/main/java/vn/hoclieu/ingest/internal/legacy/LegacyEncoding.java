package vn.hoclieu.ingest.internal.legacy;

import java.text.Normalizer;

/** The pre-Unicode Vietnamese encodings that {@link LegacyVietnamese} can undo. */
enum LegacyEncoding {

    TCVN3("TCVN3") {
        @Override
        String convert(String text) {
            return Tcvn3.decode(text);
        }
    },

    VNI("VNI") {
        @Override
        String convert(String text) {
            return Vni.decode(text);
        }
    },

    VISCII("VISCII") {
        @Override
        String convert(String text) {
            return Viscii.TABLE.decode(text);
        }
    },

    WINDOWS_1258("WINDOWS-1258") {
        @Override
        String convert(String text) {
            return Windows1258.TABLE.decode(text);
        }
    };

    private final String label;

    LegacyEncoding(String label) {
        this.label = label;
    }

    /** The name reported in {@link LegacyVietnamese.Repair#encoding()}. */
    String label() {
        return label;
    }

    /** Reads the text as if it had been written in this encoding, in NFC. */
    String decode(String text) {
        return Normalizer.normalize(convert(text), Normalizer.Form.NFC);
    }

    abstract String convert(String text);
}
