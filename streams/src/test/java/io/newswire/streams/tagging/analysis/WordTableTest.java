package io.newswire.streams.tagging.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordTableTest {

    private static long hash(String word) {
        return TermHash.of(word);
    }

    private static int put(WordTable table, String word) {
        return table.put(hash(word), word.toCharArray(), 0, word.length());
    }

    @Test
    void shouldGiveDenseIdsAndFindThemAcrossGrowthAndNothingElse() {
        WordTable table = new WordTable(16, 10_000);
        for (int i = 0; i < 5_000; i++) {
            assertThat(put(table, "word" + i)).isEqualTo(i);
        }

        assertThat(table.size()).isEqualTo(5_000);
        char[] text = "xxword4321yy".toCharArray();
        assertThat(table.get(hash("word4321"), text, 2, 8)).isEqualTo(4321);
        assertThat(table.get(hash("word0"), "word0".toCharArray(), 0, 5)).isZero();
        assertThat(table.get(hash("word5000"), "word5000".toCharArray(), 0, 8)).isEqualTo(WordTable.ABSENT);
    }

    @Test
    void shouldCompareTheCharsNotOnlyTheHash() {
        WordTable table = new WordTable(16, 100);
        put(table, "north");

        // Same hash given for another word (a collision): not the same word.
        assertThat(table.get(hash("north"), "south".toCharArray(), 0, 5)).isEqualTo(WordTable.ABSENT);
        assertThat(table.get(hash("north"), "nort".toCharArray(), 0, 4)).isEqualTo(WordTable.ABSENT);
    }

    @Test
    void shouldSayWhenFullAndStartIdsAgainOnceCleared() {
        WordTable table = new WordTable(16, 100);
        for (int i = 0; i < 100; i++) {
            put(table, "w" + i);
        }
        assertThat(table.full()).isTrue();

        table.clear();

        assertThat(table.full()).isFalse();
        assertThat(table.get(hash("w5"), "w5".toCharArray(), 0, 2)).isEqualTo(WordTable.ABSENT);
        assertThat(put(table, "one-more")).isZero();
        assertThat(table.get(hash("one-more"), "one-more".toCharArray(), 0, 8)).isZero();
    }
}
