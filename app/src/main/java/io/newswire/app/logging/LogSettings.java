package io.newswire.app.logging;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the logs of one process go and how much: {@code --log-level} / {@value #LEVEL_ENV} and
 * {@code --log-file} / {@value #FILE_ENV} ({@code -} for stderr, as containers want). Read from the raw
 * arguments before picocli runs, because the logging library reads its settings once, when the first
 * logger is created.
 *
 * @param command the (sub)command path, e.g. {@code produce-rss}; names the default log file
 * @param level {@code error}, {@code warn}, {@code info}, {@code debug}, {@code trace} or {@code off}
 * @param file a file to append to, {@value #STDERR} for stderr, or null for {@code data/logs/<command>.log}
 */
public record LogSettings(String command, String level, String file) {

    public static final String LEVEL_ENV = "NEWSWIRE_LOG_LEVEL";
    public static final String FILE_ENV = "NEWSWIRE_LOG_FILE";
    public static final String STDERR = "-";
    public static final String DEFAULT_LEVEL = "info";
    public static final Set<String> LEVELS = Set.of("error", "warn", "info", "debug", "trace", "off");

    public static LogSettings from(String[] args, Map<String, String> env) {
        String level = env.getOrDefault(LEVEL_ENV, DEFAULT_LEVEL);
        String file = env.get(FILE_ENV);
        String command = null;
        List<String> list = List.of(args);
        for (int i = 0; i < list.size() && !list.get(i).equals("--"); i++) {
            String arg = list.get(i);
            String next = i + 1 < list.size() ? list.get(i + 1) : null;
            String levelValue = optionValue(arg, next, "--log-level");
            String fileValue = optionValue(arg, next, "--log-file");
            if (levelValue != null) {
                level = levelValue;
                i += arg.contains("=") ? 0 : 1;
            } else if (fileValue != null) {
                file = fileValue;
                i += arg.contains("=") ? 0 : 1;
            } else if (!arg.startsWith("-") && (command == null || command.equals("produce"))) {
                // The command, and for produce its source: produce-rss.log, streams.log …
                command = command == null ? arg : command + "-" + arg;
            }
        }
        return normalised(command, level, file);
    }

    private static LogSettings normalised(String command, String level, String file) {
        String normalisedLevel = level == null ? DEFAULT_LEVEL : level.strip().toLowerCase(Locale.ROOT);
        String name = command == null ? "" : command.toLowerCase(Locale.ROOT);
        return new LogSettings(name.matches("[a-z][a-z-]{0,39}") ? name : "newswire",
                LEVELS.contains(normalisedLevel) ? normalisedLevel : DEFAULT_LEVEL,
                file == null || file.isBlank() ? null : file.strip());
    }

    /** The value of {@code --name value} or {@code --name=value} at {@code arg}, or null. */
    private static String optionValue(String arg, String next, String name) {
        if (arg.equals(name)) {
            return next;
        }
        return arg.startsWith(name + "=") ? arg.substring(name.length() + 1) : null;
    }

    public boolean toStderr() {
        return STDERR.equals(file);
    }
}
