package org.rcm.requests.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RecipientCodesTest {

    @Test
    void readsTextListsAndJsonArraysAlike() {
        assertThat(RecipientCodes.parse("iom, PAHO;icrc")).as("text").containsExactly("IOM", "PAHO", "ICRC");
        assertThat(RecipientCodes.parse(List.of("mx", "BR"))).as("list").containsExactly("MX", "BR");
        assertThat(RecipientCodes.parse("[\"UNHCR\",\"UNODC\"]")).as("JSON array").containsExactly("UNHCR", "UNODC");
    }

    @Test
    void dropsDuplicatesAndBlanks() {
        assertThat(RecipientCodes.parse(" IOM , ,iom ")).as("duplicates and blanks").containsExactly("IOM");
        assertThat(RecipientCodes.parse(null)).as("nothing").isEmpty();
    }
}
