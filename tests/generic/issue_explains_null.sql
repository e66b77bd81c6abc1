{% test issue_explains_null(model, column_name, issue_column=none) %}
{#-
    A cleaned value and its issue column agree: exactly one of `column_name`
    and `issue_column` (default `<column_name>_issue`) is null. A blank raw
    value has the issue `missing`, so it is never both.
-#}
{%- set issue_column = issue_column or column_name ~ '_issue' %}
select {{ column_name }}, {{ issue_column }}
from {{ model }}
where ({{ column_name }} is null) = ({{ issue_column }} is null)
{% endtest %}
