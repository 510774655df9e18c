package org.filet.identifiers.network;

import java.util.Arrays;

/** An open-addressing map from long keys to int values (no boxing), growing at 50% load. Not thread-safe. */
final class LongIntMap {

    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int[] values;
    private int count;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(keys, EMPTY);
    }

    int get(long key, int absent) {
        long k = key == EMPTY ? EMPTY + 1 : key;
        int mask = keys.length - 1;
        for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == k) {
                return values[i];
            }
            if (keys[i] == EMPTY) {
                return absent;
            }
        }
    }

    void put(long key, int value) {
        long k = key == EMPTY ? EMPTY + 1 : key;
        if (count * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == k) {
                values[i] = value;
                return;
            }
            if (keys[i] == EMPTY) {
                keys[i] = k;
                values[i] = value;
                count++;
                return;
            }
        }
    }

    int size() {
        return count;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        count = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
