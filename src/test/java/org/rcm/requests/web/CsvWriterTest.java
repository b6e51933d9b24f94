package org.rcm.requests.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 4180 rows with a guard against spreadsheet formulas. */
class CsvWriterTest {

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuoted() {
        assertThat(CsvWriter.row(Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", null, 3,
                LocalDate.of(2016, 7, 28)))).as("row")
                .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,3,2016-07-28\r\n");
    }

    @Test
    void textThatStartsLikeAFormulaGetsAnApostrophe() {
        assertThat(CsvWriter.row(List.of("=1+1", "+34 600", "-x", "@SUM(A1)", "\tx", "a=b"))).as("guarded row")
                .isEqualTo("'=1+1,'+34 600,'-x,'@SUM(A1),'\tx,a=b\r\n");
        assertThat(CsvWriter.row(List.of(-3))).as("a negative number stays a number").isEqualTo("-3\r\n");
    }

    @Test
    void writesARowToAWriter() {
        StringWriter out = new StringWriter();
        CsvWriter.write(out, List.of("a", "b"));
        assertThat(out).as("written").hasToString("a,b\r\n");
    }
}
