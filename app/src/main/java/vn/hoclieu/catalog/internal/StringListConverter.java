package vn.hoclieu.catalog.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** Keeps short multi-valued fields (creators, subjects, grade levels) in one column, one value per line. */
@Converter
public class StringListConverter implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join("\n", values);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        return column == null || column.isEmpty() ? List.of()
                : Arrays.stream(column.split("\n")).filter(s -> !s.isBlank()).toList();
    }
}
