package vn.hoclieu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body built part by part, in the order a browser sends a form's fields. */
public final class Multipart {

    private final String boundary = "----hoclieu-form" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public Multipart field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    public Multipart file(String name, String fileName, String type, byte[] bytes) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n");
        body.writeBytes(bytes);
        write("\r\n");
        return this;
    }

    public String boundary() {
        return boundary;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public byte[] bytes() {
        ByteArrayOutputStream done = new ByteArrayOutputStream();
        done.writeBytes(body.toByteArray());
        done.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return done.toByteArray();
    }

    private void write(String s) {
        body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
