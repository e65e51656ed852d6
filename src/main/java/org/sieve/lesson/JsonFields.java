package org.sieve.lesson;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The fields of one JSON object of a lesson file, read by name with every problem reported as
 * "where: field NAME ...": missing, of the wrong type, or (once all are read) unknown.
 */
final class JsonFields {

    private final JsonObject object;
    /** "lesson.json, step 2 (\"Title\")", or for nested objects "..., field view.panels[0]". */
    private final String where;
    /** The dotted path of this object inside the step, "" at its top. */
    private final String path;
    private final Set<String> read = new LinkedHashSet<>();

    JsonFields(JsonObject object, String where, String path) {
        this.object = object;
        this.where = where;
        this.path = path;
    }

    /** The object {@code element} as fields, or a refusal naming what it should be. */
    static JsonFields of(JsonElement element, String where, String path) {
        if (element == null || !element.isJsonObject()) {
            throw new LessonFileException(where + ": " + (path.isEmpty() ? "the file" : "field " + path)
                    + " must be a JSON object {...}.");
        }
        return new JsonFields(element.getAsJsonObject(), where, path);
    }

    String name(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    LessonFileException problem(String field, String message) {
        return new LessonFileException(where + ": field " + name(field) + " " + message);
    }

    boolean has(String field) {
        return object.has(field) && !object.get(field).isJsonNull();
    }

    JsonElement element(String field) {
        read.add(field);
        return has(field) ? object.get(field) : null;
    }

    String text(String field) {
        JsonElement e = element(field);
        if (e == null) {
            throw problem(field, "is missing.");
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw problem(field, "must be text in quotes, not " + e + ".");
        }
        return e.getAsString();
    }

    String text(String field, String otherwise) {
        return has(field) ? text(field) : read(field, otherwise);
    }

    private <T> T read(String field, T value) {
        read.add(field);
        return value;
    }

    /** Text or a number, as text: setting values may be written either way ("tau": 1.5). */
    String scalar(String field) {
        JsonElement e = element(field);
        if (e instanceof JsonPrimitive p && (p.isString() || p.isNumber())) {
            return p.getAsString();
        }
        throw problem(field, "must be text or a number, not " + e + ".");
    }

    int whole(String field) {
        JsonElement e = element(field);
        if (e instanceof JsonPrimitive p && p.isNumber() && p.getAsDouble() == Math.rint(p.getAsDouble())) {
            return p.getAsInt();
        }
        throw problem(field, e == null ? "is missing." : "must be a whole number, not " + e + ".");
    }

    List<String> texts(String field) {
        JsonElement e = element(field);
        if (e == null) {
            throw problem(field, "is missing.");
        }
        if (!e.isJsonArray()) {
            throw problem(field, "must be a list [\"...\", ...], not " + e + ".");
        }
        List<String> out = new ArrayList<>();
        for (JsonElement item : e.getAsJsonArray()) {
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                throw problem(field, "must hold text in quotes only, not " + item + ".");
            }
            out.add(item.getAsString());
        }
        return out;
    }

    /** Each element of a list of objects, read by {@code each}. */
    <T> List<T> objects(String field, Function<JsonFields, T> each) {
        JsonElement e = element(field);
        if (e == null) {
            throw problem(field, "is missing.");
        }
        if (!e.isJsonArray()) {
            throw problem(field, "must be a list [{...}, ...], not " + e + ".");
        }
        JsonArray array = e.getAsJsonArray();
        List<T> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(each.apply(of(array.get(i), where, name(field) + "[" + i + "]")));
        }
        return out;
    }

    JsonFields object(String field) {
        JsonElement e = element(field);
        if (e == null) {
            throw problem(field, "is missing.");
        }
        return of(e, where, name(field));
    }

    /** Every field name of the object, for maps such as the settings. */
    Set<String> names() {
        return object.keySet();
    }

    /** Refuses a field that no reader asked for: a typo, or a field of another program. */
    void noOthers(String known) {
        for (String field : object.keySet()) {
            if (!read.contains(field)) {
                throw problem(field, "is not a field of a lesson file here; the fields are " + known + ".");
            }
        }
    }
}
