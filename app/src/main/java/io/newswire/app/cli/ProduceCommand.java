package io.newswire.app.cli;

import picocli.CommandLine.Command;

/** {@code produce <source>}: one source into {@code news.articles.raw}. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Publish articles from one source to news.articles.raw.",
        subcommands = {ProduceSeedsCommand.class, ProduceRssCommand.class, ProduceFolderCommand.class,
            ProduceHttpCommand.class, ProduceStdinCommand.class})
public final class ProduceCommand {
}
