package org.sieve.ui.model;

/** Something the user should read: shown as a notification and kept in the model's message list. */
public record UserMessage(Level level, String title, String text) {

    public enum Level { INFO, WARNING, ERROR }

    public static UserMessage error(String title, String text) {
        return new UserMessage(Level.ERROR, title, text);
    }

    public static UserMessage warning(String title, String text) {
        return new UserMessage(Level.WARNING, title, text);
    }

    public static UserMessage info(String title, String text) {
        return new UserMessage(Level.INFO, title, text);
    }
}
