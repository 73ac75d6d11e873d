package io.newswire.streams.tagging.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import io.newswire.common.EntityMention;
import io.newswire.streams.tagging.LuceneTagger;
import io.newswire.streams.tagging.entities.names.ConllCorpus;
import io.newswire.streams.tagging.entities.names.NameFinder;
import io.newswire.streams.tagging.entities.names.NameModel;
import io.newswire.streams.tagging.entities.names.NameTrainer;
import io.newswire.streams.tagging.taxonomy.Taxonomy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenWorldNamesTest {

    private static final LuceneTagger TAGGER = LuceneTagger.withDefaults();

    @TempDir
    Path dir;

    private static List<String> entityIds(String title, String body) {
        return TAGGER.tag(new Article(1, "t", "test", null, title, body, null, null, "en")).entities().stream()
                .map(EntityMention::id).toList();
    }

    @Test
    void shouldReleaseAGazetteerPlaceInsideAnOrganisationTheModelReads() {
        List<String> ids = entityIds("", "Air New Zealand raised fares, and the Reserve Bank of New Zealand "
                + "left rates unchanged.");

        assertThat(ids).contains("air-new-zealand", "reserve-bank-of-new-zealand").doesNotContain("new-zealand");
    }

    @Test
    void shouldStillFindThePlaceWhereItStandsAlone() {
        List<String> ids = entityIds("", "Air New Zealand raised fares on flights to New Zealand.");

        assertThat(ids).contains("air-new-zealand", "new-zealand");
    }

    @Test
    void shouldReadAPlaceNameBeforeANameParticleAsAPerson() {
        List<String> ids = entityIds("", "South African swimmer Chad le Clos won the 200m butterfly. Le Clos said "
                + "it was his best medal.");

        assertThat(ids).contains("chad-le-clos", "south-africa").doesNotContain("chad", "clos", "le-clos");
    }

    @Test
    void shouldReadAPlaceNameAfterAPersonsRoleAsAPerson() {
        List<String> ids = entityIds("", "The government said troops would stay. Striker Chad Smith scored twice "
                + "and Mr Lebanon was booked.");

        assertThat(ids).contains("chad-smith").doesNotContain("chad", "lebanon");
    }

    @Test
    void shouldNotTakeAWordOfAHeadlineInCapitalsForAName() {
        List<String> ids = entityIds("MEETING OF THE COUNCIL OF MINISTERS OF RUSSIA AND BELARUS",
                "The ministers met in Minsk on Tuesday.");

        assertThat(ids).doesNotContain("council", "meeting", "ministers");
    }

    @Test
    void shouldJoinALaterSurnameToTheFullNameOfAPersonTheGazetteerDoesNotKnow() {
        List<String> ids = entityIds("", "Opposition leader Michael Howard spoke in Leeds. Mr Howard said taxes "
                + "would fall. Howard later left.");

        assertThat(ids).contains("michael-howard").doesNotContain("howard");
    }

    @Test
    void shouldJoinAWordOfAPersonsNameToThatPersonWhateverTypeTheModelGivesIt() throws Exception {
        // a model that reads a capitalised word after "in" as a place, and two capitalised words as a person
        String passage = """
                Anna B-PER
                Kosgei I-PER
                ran O
                in O
                Eldoret B-LOC
                . O

                """;
        Path file = Files.writeString(dir.resolve("train.conll"), "-DOCSTART- -X- O\n\n" + passage.repeat(6));
        NameModel model = new NameTrainer(new NameTrainer.Settings(5, 1, 7),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).train(ConllCorpus.read(file), "train.conll");
        LuceneTagger tagger = new LuceneTagger(Taxonomy.defaultTaxonomy(), Gazetteer.defaultGazetteer(),
                new NameFinder(model));

        List<String> ids = tagger.tag(new Article(1, "t", "test", null, "", "Mary Chepkemei ran in Chepkemei.", null,
                null, "en")).entities().stream().map(EntityMention::id).toList();

        assertThat(ids).contains("mary-chepkemei").doesNotContain("chepkemei");
    }

    @Test
    void shouldCollapseWhitespaceAsTheRegexDid() {
        java.util.Random random = new java.util.Random(7);
        String chars = "ab \t\n\u000b\f\r\u00a0.";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                s.append(chars.charAt(random.nextInt(chars.length())));
            }
            int from = s.length() == 0 ? 0 : random.nextInt(s.length());
            int to = from + random.nextInt(s.length() - from + 1);
            String expected = s.substring(from, to).replaceAll("\\s+", " ");

            assertThat(OpenWorldNames.collapseSpaces(s.toString(), from, to)).as("%s", s).isEqualTo(expected);
        }
    }
    @Test
    void shouldSlugANameInTheTextAsItsCollapsedCopy() {
        java.util.Random random = new java.util.Random(11);
        String chars = "aZ9 \t\n\r\u00a0.-'\u2019\u00eb\u00c9s";
        OpenWorldNames names = new OpenWorldNames();
        for (int round = 0; round < 20_000; round++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(14); k > 0; k--) {
                s.append(chars.charAt(random.nextInt(chars.length())));
            }
            int from = s.length() == 0 ? 0 : random.nextInt(s.length());
            int to = from + random.nextInt(s.length() - from + 1);
            String expected = OpenWorldNames.slug(OpenWorldNames.collapseSpaces(s.toString(), from, to));

            assertThat(names.slug(s.toString(), from, to)).as("%s", s).isEqualTo(expected);
        }
        assertThat(names.slug("Zo\u00eb  Ball's", 0, 9)).isEqualTo("zoe-ball");
    }
}
