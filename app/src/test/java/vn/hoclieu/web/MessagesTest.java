package vn.hoclieu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text people read comes from the message bundles, in both languages. */
class MessagesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    @Test
    void everyKeyExistsInBothLanguages() throws IOException {
        Properties vi = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(new TreeSet<>(en.stringPropertyNames())).isEqualTo(new TreeSet<>(vi.stringPropertyNames()));
        assertThat(vi.stringPropertyNames()).allSatisfy(k -> assertThat(vi.getProperty(k)).as(k).isNotBlank());
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Properties vi = load("messages.properties");
        Pattern literalKey = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = literalKey.matcher(Files.readString(template));
            while (m.find()) {
                if (!vi.containsKey(m.group(1))) {
                    missing.add(template.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesHoldNoHardCodedText() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path template : templates()) {
            String html = neutralizeAttributeValues(Files.readString(template))
                    .replaceAll("(?s)<!--.*?-->", "")
                    .replaceAll("(?s)<(script|style)\\b.*?</\\1>", "");
            // text inside an element whose content Thymeleaf replaces is only a design-time placeholder
            String stripped = html.replaceAll("(?s)<(\\w+)[^>]*\\bth:(text|utext|replace)=[^>]*>[^<]*</\\1>", "");
            Matcher text = Pattern.compile(">([^<]*\\p{L}[^<]*)<").matcher(stripped);
            while (text.find()) {
                offenders.add(template.getFileName() + ": \"" + text.group(1).strip() + "\"");
            }
            Matcher attr = Pattern.compile("\\s(alt|title|placeholder|aria-label)=\"([^\"]*\\p{L}[^\"]*)\"")
                    .matcher(stripped);
            while (attr.find()) {
                offenders.add(template.getFileName() + ": " + attr.group(1) + "=\"" + attr.group(2) + "\"");
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void textLiteralsInsideExpressionsAreFlaggedToo() throws IOException {
        // th:text="${n} + ' KB'" shows ' KB' whatever the language; only message-key prefixes ('facet.') may be literal
        Pattern attribute = Pattern.compile("th:(?:text|utext|title|alt|placeholder|aria-label)=\"([^\"]*)\"");
        Pattern literal = Pattern.compile("'([^']*\\p{L}[^']*)'");
        List<String> offenders = new ArrayList<>();
        for (Path template : templates()) {
            Matcher a = attribute.matcher(Files.readString(template));
            while (a.find()) {
                Matcher l = literal.matcher(a.group(1));
                while (l.find()) {
                    if (!l.group(1).matches("[\\w.]+\\.")) {
                        offenders.add(template.getFileName() + ": '" + l.group(1) + "'");
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyMessageCodeTheJavaCodeUsesExists() throws IOException {
        // reasons stored for later reading, and problem details, name their message by a literal code
        Properties vi = load("messages.properties");
        Pattern code = Pattern.compile("\"((?:reason|problem)\\.[\\w.]+)\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = code.matcher(Files.readString(source));
                while (m.find()) {
                    if (!vi.containsKey(m.group(1)) && !m.group(1).endsWith(".")) {
                        missing.add(source.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Expressions such as {@code ${a > 1}} hold angle brackets that would confuse the scan. */
    private static String neutralizeAttributeValues(String html) {
        Matcher m = Pattern.compile("\"[^\"]*\"").matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replace('>', ' ').replace('<', ' ')));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            return files.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(name))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
