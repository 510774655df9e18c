package org.filet.pdq.match;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The multi-index tables, immutable: for each {@link Slots slot} a CSR table over entry ids {@code 0 .. size(s)-1}
 * (an {@code int[2^width + 1]} of bucket offsets, and the ids of each bucket packed in 3 bytes, or 4 once there are
 * 2^24 entries). Slots are rebuilt one at a time ({@link #withSlot}), so a rebuild needs memory for one new slot,
 * not a second copy of all tables; readers use whatever snapshot they hold, and scan linearly from
 * {@link #minSize()}.
 */
final class SlotTables {

    static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    static final SlotTables EMPTY =
            new SlotTables(new int[Slots.COUNT][], new byte[Slots.COUNT][], new int[Slots.COUNT]);

    private final int[][] offsets;
    private final byte[][] ids;
    private final int[] sizes;
    private final int minSize;

    private SlotTables(int[][] offsets, byte[][] ids, int[] sizes) {
        this.offsets = offsets;
        this.ids = ids;
        this.sizes = sizes;
        int min = Integer.MAX_VALUE;
        for (int s : sizes) {
            min = Math.min(min, s);
        }
        this.minSize = min;
    }

    /** Tables for every slot over all entries of {@code v}. */
    static SlotTables build(HashStore.View v) {
        SlotTables t = EMPTY;
        for (int s = 0; s < Slots.COUNT; s++) {
            t = t.withSlot(s, v);
        }
        return t;
    }

    /** A copy sharing every slot but {@code s}, which is rebuilt over all entries of {@code v}. */
    SlotTables withSlot(int s, HashStore.View v) {
        int size = v.size();
        long[][] chunks = v.chunks();
        int bits = v.chunkBits();
        int values = Slots.values(s);
        int[] off = new int[values + 1];
        for (int id = 0; id < size; id++) {
            off[Slots.value(chunks[id >>> bits], v.offset(id), s) + 1]++;
        }
        for (int k = 0; k < values; k++) {
            off[k + 1] += off[k];
        }
        int[] cursor = java.util.Arrays.copyOf(off, values);
        int idBytes = idBytes(size);
        byte[] b = new byte[Math.toIntExact((long) size * idBytes + 1)];
        for (int id = 0; id < size; id++) {
            int at = cursor[Slots.value(chunks[id >>> bits], v.offset(id), s)]++ * idBytes;
            b[at] = (byte) id;
            b[at + 1] = (byte) (id >>> 8);
            b[at + 2] = (byte) (id >>> 16);
            if (idBytes == 4) {
                b[at + 3] = (byte) (id >>> 24);
            }
        }
        int[][] o = offsets.clone();
        byte[][] i = ids.clone();
        int[] z = sizes.clone();
        o[s] = off;
        i[s] = b;
        z[s] = size;
        return new SlotTables(o, i, z);
    }

    private static int idBytes(int size) {
        return size <= (1 << 24) ? 3 : 4;
    }

    /** Entries covered by every slot. */
    int minSize() {
        return minSize;
    }

    int size(int s) {
        return sizes[s];
    }

    int[] offsets(int s) {
        return offsets[s];
    }

    byte[] ids(int s) {
        return ids[s];
    }

    /** Bytes per id in slot {@code s}. */
    int idBytesOf(int s) {
        return idBytes(sizes[s]);
    }

    /** Entry id at position {@code p} of slot {@code s}'s id array. */
    static int id(byte[] ids, int p, int idBytes) {
        int v = (int) INT_LE.get(ids, p * idBytes);
        return idBytes == 3 ? v & 0xffffff : v;
    }
}
