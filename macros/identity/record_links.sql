{% macro record_link_rule(record, profile) -%}
    {#- How a record is linked (doc `research__link_rule`): from the record's own
        identifiers and its soscare_id's profile (a row of int_soscare_ids_profiled,
        left-joined on soscare_id). -#}
    case
        when {{ record }}.hcn is not null then 'hcn'
        when {{ record }}.soscare_id is null then 'no_identifier'
        when {{ profile }}.only_hcn is not null then 'soscare_id_to_hcn'
        when {{ profile }}.is_conflicted then 'conflicted_soscare_id'
        else 'soscare_id_only'
    end
{%- endmacro %}


{% macro record_anchor_id(record, profile) -%}
    {#- The anchor of a record's child (doc `research__identity_rule`): its own HCN;
        else, with no identifier, the record; else its soscare_id's only HCN; else
        the soscare_id. -#}
    case
        when {{ record }}.hcn is not null then 'hcn:' || {{ record }}.hcn
        when {{ record }}.soscare_id is null then 'record:' || {{ record }}.record_id
        when {{ profile }}.only_hcn is not null then 'hcn:' || {{ profile }}.only_hcn
        else 'soscare_id:' || {{ record }}.soscare_id
    end
{%- endmacro %}


{% macro record_child_id(record, profile) -%}
    {#- The child_id of a record: the child_id of its anchor. -#}
    {{ soscare.child_id(soscare.record_anchor_id(record, profile)) }}
{%- endmacro %}
