package io.newswire.streams.tagging.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A trie over token ids: all phrases of a taxonomy or all aliases of a gazetteer in one structure, so an
 * article is matched against every phrase in one pass over its tokens (no regular expression per entry).
 * Children are sorted int arrays searched by bisection: no boxing and no hashing per token.
 *
 * @param <V> what a complete phrase leads to
 */
public final class TokenTrie<V> {

    /** One node; {@link #values()} is empty unless a phrase ends here. */
    public static final class Node<V> {
        private int[] keys = new int[0];
        private Node<V>[] children = newArray(0);
        private List<V> values = List.of();
        private TreeMap<Integer, Node<V>> building = new TreeMap<>();

        /** The node after {@code tokenId}, or null. */
        public Node<V> next(int tokenId) {
            if (tokenId < 0) {
                return null;
            }
            int at = Arrays.binarySearch(keys, tokenId);
            return at < 0 ? null : children[at];
        }

        public List<V> values() {
            return values;
        }

        private void freeze() {
            keys = building.keySet().stream().mapToInt(Integer::intValue).toArray();
            children = building.values().toArray(newArray(building.size()));
            building = null;
            values = List.copyOf(values);
            for (Node<V> child : children) {
                child.freeze();
            }
        }

        @SuppressWarnings("unchecked")
        private static <V> Node<V>[] newArray(int size) {
            return (Node<V>[]) new Node<?>[size];
        }
    }

    private final Node<V> root;

    private TokenTrie(Node<V> root) {
        this.root = root;
    }

    public Node<V> root() {
        return root;
    }

    /** Collects phrases (token id sequences) and freezes them into a trie. */
    public static final class Builder<V> {
        private final Node<V> root = new Node<>();

        public Builder<V> add(int[] tokenIds, V value) {
            if (tokenIds.length == 0) {
                return this;
            }
            Node<V> node = root;
            for (int id : tokenIds) {
                node = node.building.computeIfAbsent(id, k -> new Node<>());
            }
            if (node.values.isEmpty()) {
                node.values = new ArrayList<>();
            }
            node.values.add(value);
            return this;
        }

        public TokenTrie<V> build() {
            root.freeze();
            return new TokenTrie<>(root);
        }
    }
}
