package vn.hoclieu;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
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
        f.put("chuong-trinh.elf", concat(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, noise(salt, 1024)));
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
            content.showText(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
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
        } catch (IOException | java.security.GeneralSecurityException e) {
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
    static byte[] pe(String salt) {
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

    private static byte[] noise(String salt, int n) {
        byte[] b = new byte[n];
        new java.util.Random(salt.hashCode()).nextBytes(b);
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
