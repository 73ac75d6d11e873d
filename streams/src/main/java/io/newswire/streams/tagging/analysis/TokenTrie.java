package io.newswire.streams.tagging.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/**
 * A trie over token ids: all phrases of a taxonomy or all aliases of a gazetteer in one structure, so an
 * article is matched against every phrase in one pass over its tokens (no regular expression per entry).
 * Children are sorted int arrays searched by bisection: no boxing and no hashing per token; a node with many
 * children (the root: every first word of a phrase) also has them in an array indexed by token id, so the
 * step every token takes is one array read instead of a dozen bisection steps.
 *
 * @param <V> what a complete phrase leads to
 */
public final class TokenTrie<V> {

    /** One node; {@link #values()} is empty unless a phrase ends here. */
    public static final class Node<V> {
        /** Children above which a node also gets {@link #direct}. */
        private static final int DIRECT_FROM = 16;
        /** The largest token id a {@link #direct} array covers (ids are dense vocabulary ids). */
        private static final int DIRECT_MAX_ID = 1 << 20;

        private int[] keys = new int[0];
        /** Child by token id, or null when bisection is used instead. */
        private Node<V>[] direct;
        private Node<V>[] children = newArray(0);
        private List<V> values = List.of();
        private TreeMap<Integer, Node<V>> building = new TreeMap<>();

        /** The node after {@code tokenId}, or null. */
        public Node<V> next(int tokenId) {
            if (tokenId < 0) {
                return null;
            }
            Node<V>[] byId = direct;
            if (byId != null) {
                return tokenId < byId.length ? byId[tokenId] : null;
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
            if (keys.length >= DIRECT_FROM && keys[keys.length - 1] < DIRECT_MAX_ID) {
                direct = newArray(keys[keys.length - 1] + 1);
                for (int i = 0; i < keys.length; i++) {
                    direct[keys[i]] = children[i];
                }
            }
            // An empty node's list is the shared one whose iterator is shared too: most nodes a walk passes have no values.
            values = values.isEmpty() ? Collections.emptyList() : List.copyOf(values);
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
