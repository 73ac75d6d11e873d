package io.newswire.streams.tagging.entities.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BioDecoderTest {

    private static final int L = NameLabels.COUNT;
    private static final int B_PER = NameLabels.begin(NameLabels.PERSON);
    private static final int I_PER = NameLabels.inside(NameLabels.PERSON);
    private static final int B_ORG = NameLabels.begin(NameLabels.ORGANIZATION);
    private static final int I_ORG = NameLabels.inside(NameLabels.ORGANIZATION);
    private static final int BOTH = BioDecoder.MAY_BEGIN | BioDecoder.MAY_CONTINUE;

    @Test
    void shouldPreferTheBestWholePathOverTheBestLabelOfEachToken() {
        // token 0 alone prefers B-PER slightly; token 1 strongly prefers continuing an organisation
        float[] emit = new float[2 * L];
        emit[B_PER] = 1.0f;
        emit[B_ORG] = 0.9f;
        emit[L + I_ORG] = 3.0f;
        emit[L + I_PER] = 0.5f;

        int[] path = decode(2, emit, new float[2 * L * L], new int[] {BOTH, BOTH});

        assertThat(path).containsExactly(B_ORG, I_ORG);
    }

    @Test
    void shouldNeverContinueANameOfAnotherTypeOrAfterAGap() {
        float[] emit = new float[2 * L];
        emit[B_PER] = 1.0f;
        emit[B_ORG] = -10.0f;
        emit[L + I_ORG] = 5.0f;

        assertThat(decode(2, emit, new float[2 * L * L], new int[] {BOTH, BOTH})).containsExactly(B_PER,
                NameLabels.OUTSIDE);

        emit[L + I_PER] = 5.0f;
        assertThat(decode(2, emit, new float[2 * L * L], new int[] {BOTH, BioDecoder.MAY_BEGIN}))
                .containsExactly(B_PER, NameLabels.OUTSIDE);
    }

    @Test
    void shouldNotBeginANameOnAJoiningWordAndAddTheTransitionScores() {
        float[] emit = new float[3 * L];
        emit[B_ORG] = 2.0f;
        emit[L + B_PER] = 4.0f; // "of" may not begin a name
        emit[2 * L + I_ORG] = 1.0f;
        emit[2 * L + B_PER] = 1.5f;
        float[] trans = new float[3 * L * L];
        trans[(2 * L + I_ORG) * L + I_ORG] = 1.0f; // inside after inside: 2.0 beats B-PER's 1.5
        int[] flags = {BOTH, BioDecoder.MAY_CONTINUE, BOTH};
        emit[L + I_ORG] = 0.1f;

        assertThat(decode(3, emit, trans, flags)).containsExactly(B_ORG, I_ORG, I_ORG);
    }

    private static int[] decode(int length, float[] emit, float[] trans, int[] flags) {
        int[] path = new int[length];
        BioDecoder.decode(length, emit, trans, flags, new float[length * L], new int[length * L], path);
        return path;
    }
}
