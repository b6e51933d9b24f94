package org.rcm.requests.task;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * A user task's title in each language: Spanish from the model's {@code title_es} property (Camunda Modeler:
 * Extension properties), English from the element's name, which the diagram shows.
 */
public final class TaskTitles {

    public static final String PROPERTY = "title_es";
    public static final String SEPARATOR = " · ";

    private TaskTitles() {
    }

    /** The Spanish title, or {@code null} when the model gives none (models deployed before it had one). */
    public static String spanish(BaseElement element) {
        ExtensionElements extensions = element == null ? null : element.getExtensionElements();
        if (extensions == null) {
            return null;
        }
        for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
            for (CamundaProperty property : properties.getCamundaProperties()) {
                if (PROPERTY.equals(property.getCamundaName()) && property.getCamundaValue() != null
                        && !property.getCamundaValue().isBlank()) {
                    return property.getCamundaValue();
                }
            }
        }
        return null;
    }
}
