package io.newswire.streams.tagging.desks;

import io.newswire.streams.training.desks.DeskTrainer;
import io.newswire.streams.training.desks.DeskTrainingSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newswire.common.Article;
import io.newswire.common.Tags;
import io.newswire.common.TopicScore;
import io.newswire.streams.tagging.LuceneTagger;
import io.newswire.streams.tagging.Tagger;
import io.newswire.streams.training.desks.SmallLabelledSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeskTaggerTest {

    private static DeskModel model;
    private final Tagger taxonomy = article -> Tags.topicsOnly(List.of(new TopicScore("football", 3)));

    @BeforeAll
    static void train() {
        try (DeskTrainer trainer = new DeskTrainer(DeskTrainingSettings.defaults(42), Clock.systemUTC())) {
            model = trainer.train(SmallLabelledSet.articles(15, 1));
        }
    }

    private static Article article(String title, String body) {
        return Article.create("seed", null, title, body, null, Instant.EPOCH, "en");
    }

    @Test
    void shouldAddTheDeskBesideTheTaxonomyTopicsAndStampTheModelVersion() {
        DeskTagger tagger = new DeskTagger(taxonomy, model);

        Tags tags = tagger.tag(article("Striker scores in cup final", "The team won the match; the coach praised "
                + "the striker and the league season."));

        assertThat(tags.topics()).extracting(TopicScore::id).containsExactly("football", "desk-sport");
        assertThat(tags.topics().get(1).score()).isBetween(0.5, 1.0);
        assertThat(tags.modelVersion()).isEqualTo(model.info().version()).startsWith("desks-");
    }

    @Test
    void shouldAddNoDeskWhenNoneIsLikelyEnough() {
        DeskTagger tagger = new DeskTagger(taxonomy, model, 1.01);

        Tags tags = tagger.tag(article("Bank profit", "Shares and earnings."));

        assertThat(tags.topics()).extracting(TopicScore::id).containsExactly("football");
        assertThat(tags.modelVersion()).isEqualTo(model.info().version());
    }

    @Test
    void shouldScoreFromTheTaggersOwnAnalysisAsFromItsOwn() {
        // Beside the Lucene tagger, the desks read the tagger's tokens instead of analysing again: same scores.
        DeskTagger shared = new DeskTagger(LuceneTagger.withDefaults(), model);
        String longBody = "The striker scored twice as the team won the league match. ".repeat(80)
                + "The minister told voters about the election.";
        for (Article article : List.of(article("Striker scores in cup final", "The coach praised the striker."),
                article("", "Shares fell as the bank reported lower profit and earnings."),
                article(null, null), article("Election campaign", longBody))) {
            double[] alone = model.scores(article.title(), article.body());

            Tags tags = shared.tag(article);

            List<TopicScore> desks = tags.topics().stream().filter(t -> t.id().startsWith(DeskTagger.TOPIC_PREFIX)).toList();
            for (int c = 0; c < alone.length; c++) {
                String id = DeskTagger.topicId(model.categories().get(c));
                double expected = Math.round(alone[c] * 1000) / 1000.0;
                if (alone[c] >= DeskTagger.DEFAULT_MIN_SCORE) {
                    assertThat(desks).as(id).contains(new TopicScore(id, expected));
                } else {
                    assertThat(desks).extracting(TopicScore::id).as(id).doesNotContain(id);
                }
            }
        }
    }

    @Test
    void shouldReadOnlyTheTitleAndTheLeadOfALongBody() {
        String lead = "The striker scored twice as the team won the league match.";
        String tail = " The minister told voters about the election and the party policy.".repeat(100);

        double[] withTail = model.scores("Cup final", lead + " ".repeat(DeskAnalyzer.MAX_CHARS) + tail);
        double[] leadOnly = model.scores("Cup final", lead);

        assertThat(withTail).containsExactly(leadOnly, within(1e-12));
    }

    @Test
    void shouldMakeTopicIdsThatAreSlugs() {
        assertThat(DeskTagger.topicId("Business")).isEqualTo("desk-business");
        assertThat(DeskTagger.topicId("Science & Health")).isEqualTo("desk-science-health");
    }
}
