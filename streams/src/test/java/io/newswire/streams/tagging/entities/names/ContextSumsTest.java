package io.newswire.streams.tagging.entities.names;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.streams.tagging.analysis.AnalyzedText;
import io.newswire.streams.tagging.analysis.NewsAnalyzer;
import io.newswire.streams.tagging.analysis.Vocabulary;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ContextSumsTest {

    private static final String TEXT = """
            MEETING OF THE COUNCIL: Reserve Bank of New Zealand raises rates

            The Reserve Bank of New Zealand said on Tuesday that George W. Bush met Osama bin Laden's envoy in \
            southern Iraq. Mr Michael Howard, the Conservative leader, told the BBC: "Howard will not go." \
            Al-Qaida and al-Aqsa were named. U.S. officials in Washington, D.C. and NATO said 3,000 troops \
            would leave. Sanctions were lifted; the sanctions had hurt Fonterra Co-operative Group. Later \
            Fonterra said prices rose. Tony Blair, Gordon Brown and the Bank of England. St. Petersburg \
            and Mt. Everest. Chad le Clos won. Treaty Of Rome. Howard!
            """;

    @Test
    void shouldGiveTheSameSumsAsTheModelsTableForEveryCandidateToken() {
        NameModel model = NameModel.defaultModel();
        ContextSums small = new ContextSums(model);
        AnalyzedText text = new AnalyzedText();
        text.analyze(new NewsAnalyzer(), TEXT, TEXT.indexOf('\n'), new Vocabulary(), new Vocabulary());
        int[] flags = new int[text.size()];
        NameFinder.flags(text, flags);
        model.knownNames().mark(text, flags);
        DocumentWords casing = new DocumentWords();
        casing.read(text, flags);
        long[] features = new long[NameFeatures.MAX];
        int candidates = 0;
        int marked = 0;
        for (int i = 0; i < text.size(); i++) {
            if (flags[i] == 0) {
                continue;
            }
            candidates++;
            marked += KnownNames.of(flags[i]) != 0 ? 1 : 0;
            for (int remembered = 0; remembered < NameFeatures.REMEMBERED; remembered++) {
                int n = NameFeatures.ofContext(text, flags, casing, i, features);
                features[n++] = NameFeatures.memory(text, i, remembered);
                int[] expected = new int[NameLabels.COUNT];
                model.sum(features, n, expected, 0);

                int[] split = new int[NameLabels.COUNT];
                int words = NameFeatures.ofContextSplit(text, flags, casing, i, remembered, small, split, features);
                model.sum(features, words, split, 0);

                assertThat(split).as("token %d (%s), remembered %d", i, text.lower(i), remembered)
                        .isEqualTo(expected);
                assertThat(words).isLessThan(n);
            }
        }
        assertThat(candidates).isGreaterThan(40);
        assertThat(marked).isPositive();
    }

    @Test
    void shouldSumEachGroupOfFeaturesAsTheModelDoes() {
        NameModel model = NameModel.defaultModel();
        ContextSums small = new ContextSums(model);
        int[] sums = new int[NameLabels.COUNT];
        small.addRun(2, 1, 0, sums);
        long[] features = {NameFeatures.runShape(2, 1), NameFeatures.mix(35, 0), NameFeatures.mix(36, 1)};
        int[] expected = new int[NameLabels.COUNT];
        model.sum(features, features.length, expected, 0);

        assertThat(sums).isEqualTo(expected);
        assertThat(Arrays.stream(sums).anyMatch(s -> s != 0)).isTrue();
    }
}
