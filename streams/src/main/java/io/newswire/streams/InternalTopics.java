package io.newswire.streams;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The topics of one Streams application, read off {@link Topology#describe()} instead of rebuilt from names:
 * the topics each sub-topology reads (in topology order: the input first, then each repartition topic), the
 * repartition topics and the changelogs of the stores, both named as Kafka Streams names them
 * ({@code <application.id>-<name>-repartition}, {@code <application.id>-<store>-changelog}).
 *
 * @param sources every topic the application reads, the input topic first, then in sub-topology order
 * @param repartition the repartition topics it creates
 * @param changelogs the changelog topics of its stores (every store of the topology logs its changes)
 */
public record InternalTopics(String applicationId, List<String> sources, List<String> repartition,
                             List<String> changelogs) {

    /** @param userTopics the topics the application was given (input and output); every other topic is its own */
    static InternalTopics of(String applicationId, Topology topology, Collection<String> userTopics) {
        Set<String> sources = new LinkedHashSet<>();
        Set<String> repartition = new LinkedHashSet<>();
        Set<String> changelogs = new LinkedHashSet<>();
        List<TopologyDescription.Subtopology> subtopologies = new ArrayList<>(topology.describe().subtopologies());
        subtopologies.sort(Comparator.comparingInt(TopologyDescription.Subtopology::id));
        for (TopologyDescription.Subtopology subtopology : subtopologies) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    source.topicSet().stream().sorted()
                            .map(topic -> userTopics.contains(topic) ? topic : decorated(applicationId, topic))
                            .forEach(sources::add);
                } else if (node instanceof TopologyDescription.Sink sink && sink.topic() != null
                        && !userTopics.contains(sink.topic())) {
                    repartition.add(decorated(applicationId, sink.topic()));
                } else if (node instanceof TopologyDescription.Processor processor) {
                    processor.stores().stream().sorted()
                            .forEach(store -> changelogs.add(applicationId + "-" + store + "-changelog"));
                }
            }
        }
        return new InternalTopics(applicationId, List.copyOf(sources), List.copyOf(repartition),
                List.copyOf(changelogs));
    }

    /** Repartition and changelog topics: what a reset deletes. */
    public List<String> all() {
        List<String> all = new ArrayList<>(repartition);
        all.addAll(changelogs);
        return List.copyOf(all);
    }

    /** Kafka Streams prefixes the topics it creates with the application id. */
    private static String decorated(String applicationId, String topic) {
        return topic.startsWith(applicationId + "-") ? topic : applicationId + "-" + topic;
    }
}
