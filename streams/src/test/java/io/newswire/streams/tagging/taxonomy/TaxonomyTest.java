package io.newswire.streams.tagging.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.streams.tagging.entities.Gazetteer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyTest {

    @TempDir
    Path dir;

    @Test
    void shouldShipTheSeedsDomainAndTheGeneralDesks() {
        assertThat(Taxonomy.defaultTaxonomy().topics()).extracting(Taxonomy.TopicDefinition::id).contains(
                "military-alliances", "troop-deployments", "arms-transfers", "sanctions", "nuclear-and-missiles",
                "diplomacy", "information-operations", "war-in-ukraine", "politics", "business", "technology",
                "science", "health", "sport", "entertainment", "climate");
    }

    @Test
    void shouldShipSeveralHundredGazetteerEntries() {
        assertThat(Gazetteer.defaultGazetteer().entities()).hasSizeGreaterThan(500);
    }

    @Test
    void shouldReadATaxonomyFileWithDefaults() throws Exception {
        Path file = dir.resolve("taxonomy.json");
        Files.writeString(file, "{\"topics\": [{\"id\": \"rice\", \"phrases\": {\"rice\": 1.0}}]}");

        Taxonomy taxonomy = Taxonomy.read(file);

        assertThat(taxonomy.topics()).extracting(Taxonomy.TopicDefinition::id).containsExactly("rice");
        assertThat(taxonomy.thresholdOf(taxonomy.topics().get(0))).isEqualTo(3.0);
    }

    @Test
    void shouldRejectABadTaxonomyFileWithOneLine() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"topics\": [{\"id\": \"rice\"}]}");

        assertThatThrownBy(() -> Taxonomy.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.json");
        assertThatThrownBy(() -> Taxonomy.read(dir.resolve("missing.json"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("taxonomy file not found");
    }
}
