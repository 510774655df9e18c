package org.filet.server.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** NIST SP 800-63B: length, a breached/common list, no composition rules. */
class PasswordPolicyTest {

    @Test
    void refusesShortRepetitiveSequentialAndCommonPasswords() {
        assertThatThrownBy(() -> PasswordPolicy.check("short")).isExactlyInstanceOf(PasswordPolicy.WeakPassword.class);
        assertThatThrownBy(() -> PasswordPolicy.check(null)).isInstanceOf(PasswordPolicy.WeakPassword.class);
        assertThatThrownBy(() -> PasswordPolicy.check("aaaaaaaaaaaa"))
                .isInstanceOf(PasswordPolicy.RepetitivePassword.class);
        assertThatThrownBy(() -> PasswordPolicy.check("abcabcabcabc"))
                .isInstanceOf(PasswordPolicy.RepetitivePassword.class);
        assertThatThrownBy(() -> PasswordPolicy.check("123456789012"))
                .isInstanceOf(PasswordPolicy.RepetitivePassword.class);
        assertThatThrownBy(() -> PasswordPolicy.check("abcdefghijklm"))
                .isInstanceOf(PasswordPolicy.RepetitivePassword.class);
        // in the list itself, whatever the case
        assertThatThrownBy(() -> PasswordPolicy.check("Qwerty123456"))
                .isInstanceOf(PasswordPolicy.CommonPassword.class);
        assertThatThrownBy(() -> PasswordPolicy.check("1qaz2wsx3edc"))
                .isInstanceOf(PasswordPolicy.CommonPassword.class);
        // a common password with digits or symbols appended to reach the length
        assertThatThrownBy(() -> PasswordPolicy.check("motdepasse2024!"))
                .isInstanceOf(PasswordPolicy.CommonPassword.class);
        assertThatThrownBy(() -> PasswordPolicy.check("Password1234"))
                .isInstanceOf(PasswordPolicy.CommonPassword.class);
        assertThatThrownBy(() -> PasswordPolicy.check("azertyuiop12"))
                .isInstanceOf(PasswordPolicy.CommonPassword.class);
    }

    @Test
    void acceptsLongPassphrasesWithoutCompositionRules() {
        assertThatCode(() -> PasswordPolicy.check("correct horse battery staple"))
                .doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("les chats dorment au soleil"))
                .doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("été à la plage 🌊 avec Zoé")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("kzqvtrwplmnb")).doesNotThrowAnyException();
        assertThat(PasswordPolicy.MIN_LENGTH).isEqualTo(12);
    }
}
