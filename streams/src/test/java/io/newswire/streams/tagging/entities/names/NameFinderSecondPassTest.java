package io.newswire.streams.tagging.entities.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameFinderSecondPassTest {

    @Test
    void shouldReadARunAgainOnlyWhenTheFirstPassTypedOneOfItsWordsTwoWays() {
        int outside = NameFeatures.typeBit(NameLabels.OUTSIDE);
        int person = NameFeatures.typeBit(NameLabels.begin(NameLabels.PERSON));
        int place = NameFeatures.typeBit(NameLabels.inside(NameLabels.LOCATION));
        int[] oneTypeEach = {person, place, 0};
        int[] personAndPlace = {person, person | place};
        int[] nameAndOutside = {outside | person};

        assertThat(NameFinder.typesDisagree(oneTypeEach.length, t -> oneTypeEach[t])).isFalse();
        assertThat(NameFinder.typesDisagree(personAndPlace.length, t -> personAndPlace[t])).isTrue();
        assertThat(NameFinder.typesDisagree(nameAndOutside.length, t -> nameAndOutside[t])).isTrue();
        assertThat(person).isNotEqualTo(outside).isNotEqualTo(place);
    }
}
