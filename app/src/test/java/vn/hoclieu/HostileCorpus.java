package vn.hoclieu;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Hostile files, made by code when a test asks (nothing binary is committed): encrypted, corrupt
 * and truncated documents, a nested ZIP bomb, entity-expansion bombs, a picture that claims to be
 * enormous, wrong extensions, executables and polyglots. {@code salt} goes into every file, so that
 * two corpora never hold the same bytes (a second copy would only be reported as a duplicate).
 */
public final class HostileCorpus {

    private HostileCorpus() {
    }

    /** File name → bytes, in a stable order. */
    public static Map<String, byte[]> files(String salt) {
        Map<String, byte[]> f = new LinkedHashMap<>();
        f.put("ma-hoa.pdf", encryptedPdf(salt));
        f.put("hong.pdf", concat(ascii("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"), noise(salt, 4096)));
        byte[] pdf = pdf("Tài liệu bị cắt " + salt);
        // cut in half, then the salt: the first half may hold nothing salted (a ZIP's first entries)
        f.put("bi-cat.pdf", concat(Arrays.copyOf(pdf, pdf.length / 2), ascii(salt)));
        f.put("ma-hoa.docx", encryptedDocx(salt));
        f.put("hong.docx", concat(new byte[] {'P', 'K', 3, 4}, noise(salt, 4096)));
        byte[] docx = docx(salt, "<w:t>Tài liệu Word bị cắt " + salt + "</w:t>", null);
        f.put("bi-cat.docx", concat(Arrays.copyOf(docx, docx.length / 2), ascii(salt)));
        f.put("bom-long-nhau.zip", nestedZipBomb(salt));
        f.put("ty-tieng-cuoi.xml", ascii(billionLaughs("<bai>" + salt + " &lol9;</bai>")));
        f.put("ty-tieng-cuoi.docx", docx(salt, "<w:t>&lol9;</w:t>", billionLaughsDtd("w:document")));
        f.put("anh-khong-lo.png", hugePng(salt));
        f.put("that-ra-pdf.jpg", pdf("Thật ra là PDF " + salt));
        f.put("that-ra-jpeg.docx", jpeg(salt));
        f.put("chuong-trinh.elf", elf(salt));
        f.put("chuong-trinh.exe", pe(salt));
        f.put("lenh.sh", ascii("#!/bin/sh\n# " + salt + "\nrm -rf / --no-preserve-root\n"));
        f.put("zip-va-pdf.pdf", concat(pdf("Vừa PDF vừa ZIP " + salt), Zips.of(Map.of("an.txt", ascii(salt)))));
        f.put("gif-va-html.gif", ascii("GIF89a/*\u0000\u0000*/=1;</script><script>alert(document.cookie)</script><!-- "
                + salt + " -->"));
        return f;
    }

    /** A PDF that opens only with the password {@code mat-khau}. */
    public static byte[] encryptedPdf(String salt) {
        try (PDDocument doc = document("Bí mật " + salt)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("chu-so-huu", "mat-khau", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] pdf(String text) {
        try (PDDocument doc = document(text)) {
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDDocument document(String text) throws IOException {
        PDDocument doc = new PDDocument();
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            content.newLineAtOffset(72, 700);
            // the standard fonts have no Vietnamese marks: the text layer keeps the letters without them
            content.showText(Normalizer.normalize(text, Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D'));
            content.endText();
        }
        return doc;
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    /** A minimal Word document whose body is {@code runs}, with an optional DOCTYPE before it. */
    static byte[] docx(String salt, String runs, String doctype) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"));
        parts.put("_rels/.rels", ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"));
        parts.put("word/document.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + (doctype == null ? "" : doctype)
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r>"
                + runs + "</w:r></w:p><w:p><w:r><w:t>" + salt + "</w:t></w:r></w:p></w:body></w:document>")
                .getBytes(StandardCharsets.UTF_8));
        return Zips.of(parts);
    }

    /** A Word document encrypted (ECMA-376 agile) with the password {@code mat-khau}. */
    static byte[] encryptedDocx(String salt) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("mat-khau");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(docx(salt, "<w:t>Bí mật " + salt + "</w:t>", null));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String billionLaughsDtd(String root) {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE " + root + " [<!ENTITY lol \"lol\">");
        String previous = "lol";
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&" + previous + ";").repeat(10)).append("\">");
            previous = "lol" + i;
        }
        return dtd.append("]>").toString();
    }

    /** 10⁹ "lol"s (3 GB of text) from less than 1 KB, if a parser expands entities. */
    static String billionLaughs(String body) {
        return "<?xml version=\"1.0\"?>" + billionLaughsDtd("bai") + body;
    }

    /**
     * Four levels of sixteen copies of the level below, over 16 MB of zeros: about 300 KB that
     * unpack, level by level, to 1 TB (the 42.zip recipe).
     */
    public static byte[] nestedZipBomb(String salt) {
        byte[] level = Zips.of(Map.of("khong.bin", new byte[16 << 20]));
        for (int depth = 1; depth <= 3; depth++) {
            Map<String, byte[]> copies = new LinkedHashMap<>();
            for (int i = 0; i < 16; i++) {
                copies.put("tang" + depth + "-" + i + ".zip", level);
            }
            level = Zips.of(copies);
        }
        Map<String, byte[]> top = new LinkedHashMap<>();
        for (int i = 0; i < 16; i++) {
            top.put("tang4-" + i + ".zip", level);
        }
        top.put("ghi-chu.txt", ascii(salt));
        return Zips.of(top);
    }

    /**
     * The non-recursive ZIP bomb (overlapping entries, after D. Fifield's construction): {@code files}
     * entries with names of their own, each a deflate stream that quotes the local headers after it
     * (stored blocks) and ends in one shared kernel of {@code kernelMb} MB of zeros. Read by the central
     * directory it unpacks to about {@code files × kernelMb} MB; read as a stream, to one file.
     */
    public static byte[] overlappingZipBomb(String salt, int files, int kernelMb) {
        byte[] kernelData = new byte[kernelMb << 20];
        byte[] kernel = rawDeflate(kernelData);
        String[] names = new String[files];
        byte[][] headers = new byte[files][];
        for (int i = 0; i < files; i++) {
            names[i] = "chong-" + salt + "-" + i + ".txt";
        }
        // from the last file back: each file's output is the headers after it, then the kernel's
        long[] csize = new long[files];
        long[] usize = new long[files];
        long[] crc = new long[files];
        CRC32 kernelCrc = new CRC32();
        kernelCrc.update(kernelData);
        ArrayDeque<byte[]> quoted = new ArrayDeque<>();
        for (int i = files - 1; i >= 0; i--) {
            long compressed = kernel.length;
            long size = kernelData.length;
            CRC32 c = new CRC32();
            for (byte[] h : quoted) {
                compressed += 5 + h.length;
                size += h.length;
                c.update(h);
            }
            c.update(kernelData);
            csize[i] = compressed;
            usize[i] = size;
            crc[i] = c.getValue();
            headers[i] = localHeader(names[i], 8, 0, crc[i], compressed, size);
            quoted.addFirst(headers[i]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] offsets = new long[files];
        for (int i = 0; i < files; i++) {
            offsets[i] = out.size();
            out.writeBytes(headers[i]);
            if (i + 1 < files) {
                int len = headers[i + 1].length; // a non-final stored block quoting the next local header
                out.writeBytes(new byte[] {0, (byte) len, (byte) (len >> 8), (byte) ~len, (byte) (~len >> 8)});
            }
        }
        out.writeBytes(kernel);
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (int i = 0; i < files; i++) {
            central.writeBytes(centralHeader(names[i], 8, 0, crc[i], csize[i], usize[i], offsets[i]));
        }
        return withEnd(out, central, files);
    }

    /**
     * One entry whose central directory and local header disagree: the central one says a few bytes, the
     * local one (that a streaming reader follows) {@code mb} MB. With {@code descriptor}, the local header
     * hides its sizes behind a data descriptor that says other sizes than the central directory.
     */
    public static byte[] mismatchedZip(String salt, int mb, boolean descriptor) {
        byte[] data = new byte[mb << 20];
        byte[] salted = ascii(salt);
        System.arraycopy(salted, 0, data, 0, salted.length);
        byte[] deflated = rawDeflate(data);
        CRC32 c = new CRC32();
        c.update(data);
        String name = "lech-" + salt + ".txt";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (descriptor) {
            out.writeBytes(localHeader(name, 8, 8, 0, 0, 0));
            out.writeBytes(deflated);
            ByteBuffer d = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(0x08074b50).putInt((int) c.getValue()).putInt(deflated.length).putInt(data.length);
            out.writeBytes(d.array());
        } else {
            out.writeBytes(localHeader(name, 8, 0, c.getValue(), deflated.length, data.length));
            out.writeBytes(deflated);
        }
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        central.writeBytes(centralHeader(name, 8, descriptor ? 8 : 0, c.getValue(), deflated.length, salted.length, 0));
        return withEnd(out, central, 1);
    }

    private static byte[] localHeader(String name, int method, int flags, long crc, long csize, long usize) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(30 + n.length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0x04034b50).putShort((short) 20).putShort((short) flags).putShort((short) method)
                .putShort((short) 0).putShort((short) 0x21).putInt((int) crc).putInt((int) csize).putInt((int) usize)
                .putShort((short) n.length).putShort((short) 0).put(n).array();
    }

    private static byte[] centralHeader(String name, int method, int flags, long crc, long csize, long usize,
                                        long offset) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(46 + n.length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) flags)
                .putShort((short) method).putShort((short) 0).putShort((short) 0x21).putInt((int) crc)
                .putInt((int) csize).putInt((int) usize).putShort((short) n.length).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset)
                .put(n).array();
    }

    private static byte[] withEnd(ByteArrayOutputStream out, ByteArrayOutputStream central, int entries) {
        int cenOffset = out.size();
        out.writeBytes(central.toByteArray());
        out.writeBytes(ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN).putInt(0x06054b50)
                .putShort((short) 0).putShort((short) 0).putShort((short) entries).putShort((short) entries)
                .putInt(central.size()).putInt(cenOffset).putShort((short) 0).array());
        return out.toByteArray();
    }

    private static byte[] rawDeflate(byte[] data) {
        Deflater deflater = new Deflater(9, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** A PNG header that claims 100,000 × 100,000 pixels (40 GB decoded), then a few bytes of data. */
    static byte[] hugePng(String salt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(100_000).putInt(100_000)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "tEXt", ascii("Comment\0" + salt));
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x63, 0, 0, 0, 1, 0, 1});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = ascii(type);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static byte[] jpeg(String salt) {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(salt.length() % 40, 1, 0xffffff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return concat(out.toByteArray(), ascii(salt));
    }

    /** The start of a Windows executable: an MZ header pointing at a PE signature. */
    /** A 32-bit Windows program's headers: the DOS stub's {@code MZ}, then {@code PE\0\0} for an i386 machine. */
    public static byte[] pe(String salt) {
        byte[] b = new byte[512];
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3c] = (byte) 0x80;
        b[0x80] = 'P';
        b[0x81] = 'E';
        b[0x84] = 0x4c;
        b[0x85] = 0x01;
        return concat(b, ascii(salt));
    }

    /** A 64-bit Linux executable's header ({@code \177ELF}, class 64, little-endian, type EXEC), then noise. */
    public static byte[] elf(String salt) {
        byte[] header = new byte[64];
        byte[] ident = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
        System.arraycopy(ident, 0, header, 0, ident.length);
        header[16] = 2; // e_type = ET_EXEC
        header[18] = 0x3e; // e_machine = x86-64
        return concat(header, noise(salt, 1024));
    }

    private static byte[] noise(String salt, int n) {
        byte[] b = new byte[n];
        new Random(salt.hashCode()).nextBytes(b);
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A SCORM-like package: a manifest that launches a page, and the nested bomb beside it. */
    public static byte[] scormWithBomb(String salt) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("imsmanifest.xml", ascii("<?xml version=\"1.0\"?><manifest identifier=\"bom-" + salt
                + "\" xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\"><organizations default=\"o\">"
                + "<organization identifier=\"o\"><title>Gói bài giảng có bom " + salt + "</title>"
                + "<item identifier=\"i\" identifierref=\"r\"><title>Bài 1</title></item></organization></organizations>"
                + "<resources><resource identifier=\"r\" type=\"webcontent\" href=\"index.html\"><file href=\"index.html\"/>"
                + "</resource></resources></manifest>"));
        entries.put("index.html", ascii("<html><body><p>Bài giảng " + salt + "</p></body></html>"));
        entries.put("bom.zip", nestedZipBomb(salt));
        return Zips.of(entries);
    }
}
