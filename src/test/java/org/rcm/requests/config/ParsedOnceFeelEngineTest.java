package org.rcm.requests.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The parsed-once engine answers as the engine's own FEEL engine, the second time as the first. */
class ParsedOnceFeelEngineTest {

    private final ScalaFeelEngine engines = new ScalaFeelEngine(List.of());
    private final ParsedOnceFeelPlugin.ParsedOnceFeelEngine parsedOnce =
            new ParsedOnceFeelPlugin.ParsedOnceFeelEngine(List.of());
    private final VariableContext variables = Variables.createVariables().putValue("approvals", 2)
            .putValue("rejections", 0).putValue("kind", "information").putValue("urgent", true)
            .putValue("big", 12_000_000_000L).putValue("share", 0.5).putValue("cellInput", 2)
            .putValue("names", List.of("HN", "MX")).putValue("nothing", null).asVariableContext();

    @ParameterizedTest
    @ValueSource(strings = {"approvals", "rejections", "kind", "urgent", "big", "share", "names", "nothing",
            "approvals + rejections", "kind = \"information\"", "count(names)", " approvals ", "true", "null",
            "date(\"2026-12-06\")", "if urgent then \"now\" else \"later\""})
    void expressionsGiveWhatTheEnginesFeelGives(String expression) {
        Object expected = engines.evaluateSimpleExpression(expression, variables);
        for (int time = 1; time <= 2; time++) {
            Object value = parsedOnce.evaluateSimpleExpression(expression, variables);
            if (expected instanceof Number number && value instanceof Number got) {
                assertThat(got.doubleValue()).as("%s, evaluation %d", expression, time).isEqualTo(number.doubleValue());
            } else {
                assertThat(value).as("%s, evaluation %d", expression, time).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {">= 1", "0", "2", "< 2", "[1..3]", "not(2)", "1,2,3", "-", ">= approvals",
            "\"information\""})
    void unaryTestsGiveWhatTheEnginesFeelGives(String test) {
        boolean expected = engines.evaluateSimpleUnaryTests(test, "cellInput", variables);
        assertThat(parsedOnce.evaluateSimpleUnaryTests(test, "cellInput", variables)).as(test).isEqualTo(expected);
        assertThat(parsedOnce.evaluateSimpleUnaryTests(test, "cellInput", variables)).as(test + ", again")
                .isEqualTo(expected);
    }

    @Test
    void anExpressionThatDoesNotParseFailsEveryTimeAsTheEnginesDoes() {
        for (int time = 1; time <= 2; time++) {
            assertThatThrownBy(() -> parsedOnce.evaluateSimpleExpression("approvals +", variables))
                    .isInstanceOf(FeelException.class);
            assertThatThrownBy(() -> parsedOnce.evaluateSimpleUnaryTests(">= >=", "cellInput", variables))
                    .isInstanceOf(FeelException.class);
        }
        assertThatThrownBy(() -> engines.evaluateSimpleExpression("approvals +", variables))
                .isInstanceOf(FeelException.class);
    }

    @Test
    void aNamedVariableIsReadWithItsCurrentValue() {
        VariableContext other = Variables.createVariables().putValue("approvals", 3).asVariableContext();
        assertThat((Object) parsedOnce.evaluateSimpleExpression("approvals", variables)).isEqualTo(2);
        assertThat((Object) parsedOnce.evaluateSimpleExpression("approvals", other)).isEqualTo(3);
        assertThat(parsedOnce.evaluateSimpleUnaryTests(">= 3", "cellInput",
                Variables.createVariables().putValue("cellInput", 3).asVariableContext())).isTrue();
        assertThat(parsedOnce.evaluateSimpleUnaryTests(">= 3", "cellInput",
                Variables.createVariables().putValue("cellInput", 2).asVariableContext())).isFalse();
    }
}
