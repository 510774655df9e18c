package org.filet.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void ordinaryTextOfEveryScriptIsStorable() {
        assertThat(StorableText.firstUnstorable("Léa — привет — مرحبا — 你好 — 😀 — \t\n"))
                .isEqualTo(-1);
        assertThat(StorableText.firstUnstorable(null)).isEqualTo(-1);
        assertThat(StorableText.firstUnstorable("")).isEqualTo(-1);
    }

    @Test
    void nulSurrogatesAndNonCharactersAreFoundWhereTheyAre() {
        assertThat(StorableText.firstUnstorable("ab\u0000c")).isEqualTo(2);
        assertThat(StorableText.firstUnstorable("ab\uD800c")).isEqualTo(2); // high surrogate alone
        assertThat(StorableText.firstUnstorable("ab\uD800")).isEqualTo(2); // high surrogate at the end
        assertThat(StorableText.firstUnstorable("a\uDC00")).isEqualTo(1); // low surrogate alone
        assertThat(StorableText.firstUnstorable("a\uFFFE")).isEqualTo(1);
        assertThat(StorableText.firstUnstorable("a\uFFFF")).isEqualTo(1);
        assertThat(StorableText.firstUnstorable("a\uFDD0")).isEqualTo(1);
        assertThat(StorableText.firstUnstorable("a\uFDEF")).isEqualTo(1);
        assertThat(StorableText.firstUnstorable("a" + new String(Character.toChars(0x1FFFF))))
                .isEqualTo(1);
        assertThat(StorableText.firstUnstorable("a" + new String(Character.toChars(0x10FFFE))))
                .isEqualTo(1);
        assertThat(StorableText.firstUnstorable("a\uFDCF\uFDF0\uFFFD")).isEqualTo(-1); // neighbours are fine
    }
}
