package io.newswire.app.ops;

/** Whether one part of a process is ready for work, and a few words on why (or why not). */
public record Health(boolean ready, String detail) {

    public static Health ready(String detail) {
        return new Health(true, detail);
    }

    public static Health notReady(String detail) {
        return new Health(false, detail);
    }
}
