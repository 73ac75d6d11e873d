package io.newswire.app.cli;

import io.newswire.consumer.sink.SinkReader.TopicDayCount;
import java.io.PrintStream;
import java.util.List;

/** newswire's own output on the console: progress lines and result tables. Logs go to files. */
public final class Console {

    private Console() {
    }

    /** The per-topic, per-day table that {@code demo} prints. */
    public static void printTopicDayTable(PrintStream out, List<TopicDayCount> rows) {
        if (rows.isEmpty()) {
            out.println("no topic-day summaries in the sink yet");
            return;
        }
        int topicWidth = Math.max("topic".length(), rows.stream().mapToInt(r -> r.topic().length()).max().orElse(0));
        String format = "%-" + topicWidth + "s  %-10s  %8s%n";
        out.printf(format, "topic", "day", "articles");
        out.printf(format, "-".repeat(topicWidth), "-".repeat(10), "-".repeat(8));
        for (TopicDayCount row : rows) {
            out.printf(format, row.topic(), row.day(), row.articleCount());
        }
    }
}
