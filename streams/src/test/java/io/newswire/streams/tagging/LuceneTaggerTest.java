package io.newswire.streams.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import io.newswire.common.EntityMention;
import io.newswire.common.Quantity;
import io.newswire.common.Tags;
import io.newswire.common.TopicScore;
import io.newswire.streams.tagging.entities.Gazetteer;
import io.newswire.streams.tagging.taxonomy.Taxonomy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LuceneTaggerTest {

    private static final LuceneTagger TAGGER = LuceneTagger.withDefaults();

    private static Tags tag(String title, String body) {
        return TAGGER.tag(new Article(1, "t", "test", null, title, body, null, null, "en"));
    }

    private static List<String> entityIds(Tags tags) {
        return tags.entities().stream().map(EntityMention::id).toList();
    }

    private static List<String> topicIds(Tags tags) {
        return tags.topics().stream().map(TopicScore::id).toList();
    }

    private static LuceneTagger taggerWith(Map<String, Double> phrases) {
        Taxonomy taxonomy = new Taxonomy("test", 1.0, 1.0, 10,
                List.of(new Taxonomy.TopicDefinition("deployments", "Deployments", 0, phrases)));
        return new LuceneTagger(taxonomy, new Gazetteer(List.of()));
    }

    @Test
    void shouldMatchEveryFormOfAStemmedWord() {
        LuceneTagger tagger = taggerWith(Map.of("deployment", 1.0));

        for (String text : List.of("They deploy.", "Troops were deployed.", "The deployment began.", "DEPLOYMENTS")) {
            Tags tags = tagger.tag(new Article(1, "t", "test", null, "", text, null, null, "en"));
            assertThat(tags.topics()).as(text).extracting(TopicScore::id).containsExactly("deployments");
        }
    }

    @Test
    void shouldMatchPhrasesAsWholeTokensNeverAsSubstrings() {
        LuceneTagger tagger = taggerWith(Map.of("war", 1.0, "military alliance", 1.0));

        Tags none = tagger.tag(new Article(1, "t", "test", null, "", "An award, a warning, a military and an alliance.",
                null, null, "en"));
        Tags both = tagger.tag(new Article(1, "t", "test", null, "", "The war and the military alliances.",
                null, null, "en"));

        assertThat(none.topics()).isEmpty();
        assertThat(both.topics()).extracting(TopicScore::score).containsExactly(2.0);
    }

    @Test
    void shouldResolveAliasesAndDemonymsToOneCanonicalId() {
        Tags tags = tag("", "The DPRK said North Korea and North Korean officials agree. Kim Jong-un met Kim Jong Un's "
                + "aides. Troops are in the Kursk region.");

        assertThat(tags.entities()).contains(new EntityMention("north-korea", "North Korea", "country", 3),
                new EntityMention("kim-jong-un", "Kim Jong Un", "person", 2),
                new EntityMention("kursk", "Kursk", "place", 1));
    }

    @Test
    void shouldNotMergeADifferentPersonWithTheSameNamePrefix() {
        assertThat(entityIds(tag("", "Vice Foreign Minister Kim Jong-gyu did not deny it."))).doesNotContain("kim-jong-un");
        assertThat(entityIds(tag("", "Donald Trump Jr. spoke at the rally."))).doesNotContain("donald-trump");
    }

    @Test
    void shouldRequireCapitalsForAcronymsAndNames() {
        assertThat(entityIds(tag("", "Tell us about the fine china and the roast turkey."))).isEmpty();
        assertThat(entityIds(tag("", "The US and China met."))).containsExactly("united-states", "china");
    }

    @Test
    void shouldResolveAmbiguousNamesByContext() {
        assertThat(entityIds(tag("", "Jordan Henderson scored for Ajax."))).doesNotContain("jordan");
        assertThat(entityIds(tag("", "Jordan hosts refugees from Syria, officials in Amman said."))).contains("jordan");
        assertThat(entityIds(tag("", "Georgia voters queued in Atlanta for the runoff."))).doesNotContain("georgia");
        assertThat(entityIds(tag("", "Georgia's government in Tbilisi rejected the EU's criticism."))).contains("georgia");
        assertThat(entityIds(tag("", "Chad le Clos won gold in the pool."))).doesNotContain("chad");
        assertThat(entityIds(tag("", "Chad expelled French troops, the government said."))).contains("chad");
    }

    @Test
    void shouldReadACapitalAsItsStateUnlessItIsWhereSomethingHappens() {
        assertThat(entityIds(tag("", "Pyongyang will receive rice from Moscow."))).containsExactly("north-korea", "russia");
        assertThat(entityIds(tag("", "A meeting will occur in Minsk."))).containsExactly("minsk");
    }

    @Test
    void shouldCountQuantitiesWithValueAndUnit() {
        Tags tags = tag("", "There are 11,000 soldiers. Pyongyang gets 700,000 tonnes of rice. 12,000 DPRK troops "
                + "are in Russia, more than 11,000 North Korean soldiers. Hwasong-11 missiles hit on October 27 and 28. "
                + "Profits rose 8% to $5bn.");

        assertThat(tags.quantities()).containsExactly(
                new Quantity(11000, "soldiers", "11,000 soldiers", "troops"),
                new Quantity(700000, "tonnes", "700,000 tonnes of rice", "tonnes"),
                new Quantity(12000, "troops", "12,000 DPRK troops", "north-korea troops"),
                new Quantity(11000, "soldiers", "11,000 North Korean soldiers", "north-korea troops"),
                new Quantity(8, "percent", "8%"),
                new Quantity(5e9, "dollars", "$5bn"));
    }

    @Test
    void shouldExtractKeyphrasesWithoutStopWords() {
        Tags tags = tag("Grain corridor reopens", "The grain corridor reopened on Monday, and grain ships left Odesa.");

        assertThat(tags.keyphrases()).isNotEmpty().anySatisfy(phrase -> assertThat(phrase).startsWith("grain corridor"))
                .allSatisfy(phrase -> assertThat(phrase).doesNotStartWith("the ").doesNotEndWith(" and"));
    }

    @Test
    void shouldTagAnArticleOnSeveralDesksWhenItIsAboutSeveral() {
        Tags tags = tag("Nvidia shares soar on AI chip sales", "Nvidia said sales of its AI chips doubled as software "
                + "firms build artificial intelligence models. Investors pushed its shares up 6% and profits beat "
                + "forecasts; the company's revenue reached a record.");

        assertThat(topicIds(tags)).contains("technology", "business");
    }

    @Test
    void shouldBeSafeToShareBetweenThreads() throws Exception {
        String body = "North Korea sent 12,000 troops to Russia, NATO said.";
        Tags expected = tag("", body);
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.ConcurrentLinkedQueue<Tags> results = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    results.add(tag("", body));
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(results).hasSize(800).allSatisfy(tags -> {
            assertThat(tags.entities()).isEqualTo(expected.entities());
            assertThat(tags.topics()).isEqualTo(expected.topics());
            assertThat(tags.quantities()).isEqualTo(expected.quantities());
        });
    }

    @Test
    void shouldFindPersonsTheGazetteerDoesNotKnowAndJoinTheirShortMentions() {
        Tags tags = tag("Howard attacks Blair over tax", "Tory leader Michael Howard has attacked Tony Blair over council"
                + " tax. Mr Howard said families were paying more. Charles Kennedy of the Liberal Democrats disagreed.");

        assertThat(tags.entities()).extracting(EntityMention::id, EntityMention::type)
                .contains(org.assertj.core.groups.Tuple.tuple("michael-howard", "person"),
                        org.assertj.core.groups.Tuple.tuple("charles-kennedy", "person"),
                        org.assertj.core.groups.Tuple.tuple("tony-blair", "person"));
        assertThat(tags.entities()).filteredOn(e -> e.id().equals("michael-howard"))
                .allSatisfy(howard -> assertThat(howard.mentions()).isGreaterThanOrEqualTo(2));
        assertThat(entityIds(tags)).doesNotContain("howard", "mr-howard");
    }

    @Test
    void shouldNotLinkASurnameInsideSomeoneElsesLongerName() {
        Tags tags = tag("Labor MP questions budget", "John Vance Langmore, the Labor member for Fraser, said on Tuesday"
                + " the budget was unfair. Langmore told parliament the cuts would hurt families.");

        assertThat(entityIds(tags)).contains("john-vance-langmore").doesNotContain("jd-vance", "langmore");
    }

    @Test
    void shouldStillLinkTheGazetteersPersonUnderATitle() {
        Tags tags = tag("Vance visits Ohio", "Vice President JD Vance visited a factory in Ohio on Monday.");

        assertThat(entityIds(tags)).contains("jd-vance");
    }

    @Test
    void shouldFindOnlyTheGazetteerWithoutTheNameModel() {
        LuceneTagger gazetteerOnly = new LuceneTagger(Taxonomy.defaultTaxonomy(), Gazetteer.defaultGazetteer(), null);

        Tags tags = gazetteerOnly.tag(new Article(1, "t", "test", null, "Howard attacks Blair",
                "Michael Howard has attacked Tony Blair.", null, null, "en"));

        assertThat(entityIds(tags)).containsExactly("tony-blair");
    }

    @Test
    void shouldGiveClaimsAboutTheSameTroopsOfTheSeedsOneSubject() throws Exception {
        Map<String, List<Quantity>> bySeed = new java.util.TreeMap<>();
        for (io.newswire.streams.tagging.eval.GoldArticle gold
                : io.newswire.streams.tagging.eval.Evaluation.readGold(java.nio.file.Path.of("../eval/gold.jsonl"))) {
            if (List.of("seed-000", "seed-002", "seed-004").contains(gold.id())) {
                bySeed.put(gold.id(), TAGGER.tag(gold.article()).quantities());
            }
        }

        assertThat(bySeed.values()).allSatisfy(claims -> assertThat(claims)
                .filteredOn(q -> "north-korea troops".equals(q.subject())).isNotEmpty());
        assertThat(bySeed.values().stream().flatMap(List::stream).filter(q -> "north-korea troops".equals(q.subject()))
                .map(Quantity::value).distinct().sorted().toList()).containsExactly(11_000.0, 12_000.0);
    }

    @Test
    void shouldNameTheOwnerOfTroopsAfterTheUnitToo() {
        Tags tags = tag("Deployment", "Kyiv says 11,000 troops from North Korea are in Kursk, and 3,000 Russian soldiers.");

        assertThat(tags.quantities()).extracting(Quantity::value, Quantity::subject).contains(
                org.assertj.core.groups.Tuple.tuple(11_000.0, "north-korea troops"),
                org.assertj.core.groups.Tuple.tuple(3_000.0, "russia troops"));
    }
}
