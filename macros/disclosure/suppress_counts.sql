{#
    Statistical disclosure control for the `published` tier, written once.

    Policy (see the `sdc_policy` doc block):
    - primary: a count from 1 to threshold - 1 is suppressed (var `sdc_threshold`,
      default 10); zeros and counts at or above the threshold are shown;
    - secondary: within a margin group (cells that add up to a total published in
      the same table), a group whose total is shown must never hide exactly one
      cell, or that cell is the total minus the others; nor several primary
      cells whose sum pins each one (all 1, or all threshold - 1: the sum of
      k hidden cells is then k, or k x (threshold - 1)). The smallest shown
      non-zero cell of such a group is suppressed too; when there is none, the
      total is suppressed. Because `suppression_reason` publishes which hidden
      cell is secondary (>= threshold), a cell of exactly `threshold` is not
      chosen beside hidden cells that are all 1 (1 + 10 = 11 would pin both);
      the next smallest is, or the total. Where the total itself is
      primary-suppressed, every cell under it is below the threshold or zero, so nothing is recoverable.
    - rates and percentages built on a suppressed count are suppressed (see
      `sdc_mask`).
#}

{% macro sdc_threshold() -%}
    {{ return(var('sdc_threshold', 10) | int) }}
{%- endmacro %}


{% macro sdc_is_primary(count_column) -%}
    ({{ count_column }} between 1 and {{ sdc_threshold() - 1 }})
{%- endmacro %}


{% macro sdc_suppress_counts(relation, count_column, key_columns, group_columns=none, is_total=none) %}
    {#-
        Flags one count column of `relation` (a CTE name or relation) for
        suppression. Returns every column of `relation` plus
        `<count_column>_suppression`: null (shown), 'primary' or 'secondary'.

        key_columns: the columns that identify a row (used to break ties).
        group_columns: the columns shared by the cells of one margin group and
            its total row; omit when the table publishes no totals.
        is_total: a boolean SQL expression true on the group's total row.
    -#}
    {%- set flag = count_column ~ '_suppression' -%}
    {%- if group_columns is none -%}
        select
            *,
            case when {{ sdc_is_primary(count_column) }} then 'primary' end as {{ flag }}
        from {{ relation }}
    {%- else -%}
        {%- set group_list = group_columns | join(', ') -%}
        {%- set threshold = sdc_threshold() -%}
        select
            {{ star_except([
                '_sdc_is_total', '_sdc_has_total', '_sdc_hidden_cells', '_sdc_hidden_sum', '_sdc_total_hidden',
                '_sdc_needs_secondary', '_sdc_is_candidate', '_sdc_has_candidate', '_sdc_candidate_rank',
            ]) }},
            case
                when {{ sdc_is_primary(count_column) }} then 'primary'
                when
                    _sdc_needs_secondary
                    and (
                        (_sdc_is_candidate and _sdc_candidate_rank = 1)
                        or (_sdc_is_total and not _sdc_has_candidate)
                    )
                    then 'secondary'
            end as {{ flag }}
        from (
            select
                *,
                coalesce(bool_or(_sdc_is_candidate) over (partition by {{ group_list }}), false) as _sdc_has_candidate,
                row_number() over (
                    partition by {{ group_list }}
                    order by
                        case when _sdc_is_candidate then 0 else 1 end,
                        {{ count_column }},
                        {{ key_columns | join(', ') }}
                ) as _sdc_candidate_rank
            from (
                select
                    *,
                    -- a shown non-zero cell; not one of exactly `threshold` when every hidden cell is 1:
                    -- the published reasons give primary >= 1 and secondary >= threshold, so that pair would
                    -- be pinned at its lower bounds (e.g. total - shown = 11 = 1 + 10)
                    coalesce(
                        not _sdc_is_total
                        and {{ count_column }} >= {{ threshold }}
                        and not ({{ count_column }} = {{ threshold }} and _sdc_hidden_sum = _sdc_hidden_cells),
                        false
                    ) as _sdc_is_candidate,
                    -- the total is shown and the hidden cells could be worked back from it: exactly one, or
                    -- several whose sum pins each (all 1, or all threshold - 1)
                    coalesce(
                        _sdc_has_total
                        and not _sdc_total_hidden
                        and (
                            _sdc_hidden_cells = 1
                            or (
                                _sdc_hidden_cells >= 2
                                and (
                                    _sdc_hidden_sum = _sdc_hidden_cells
                                    or _sdc_hidden_sum = _sdc_hidden_cells * {{ threshold - 1 }}
                                )
                            )
                        ),
                        false
                    ) as _sdc_needs_secondary
                from (
                    select
                        *,
                        bool_or(_sdc_is_total) over (partition by {{ group_list }}) as _sdc_has_total,
                        count(*) filter (where {{ sdc_is_primary(count_column) }} and not _sdc_is_total)
                            over (partition by {{ group_list }}) as _sdc_hidden_cells,
                        sum({{ count_column }}) filter (where {{ sdc_is_primary(count_column) }} and not _sdc_is_total)
                            over (partition by {{ group_list }}) as _sdc_hidden_sum,
                        coalesce(bool_or(_sdc_is_total and {{ sdc_is_primary(count_column) }})
                            over (partition by {{ group_list }}), false) as _sdc_total_hidden
                    from (
                        select
                            *,
                            coalesce({{ is_total }}, false) as _sdc_is_total
                        from {{ relation }}
                    ) as _sdc_totals
                ) as _sdc_groups
            ) as _sdc_needs
        ) as _sdc_ranked
    {%- endif -%}
{% endmacro %}


{% macro sdc_mask(value, suppression_flags) -%}
    {#- `value` if none of the named suppression flags is set, else null. -#}
    case
        when {% for f in suppression_flags %}{{ f }} is not null{% if not loop.last %} or {% endif %}{% endfor %}
            then null
        else {{ value }}
    end
{%- endmacro %}


{% macro sdc_row_status(suppression_flags) -%}
    {#- Two columns: is_suppressed, and suppression_reason naming each suppressed column and why. -#}
    ({% for f in suppression_flags %}{{ f }} is not null{% if not loop.last %} or {% endif %}{% endfor %}) as is_suppressed,
    nullif(concat_ws(
        '; ',
        {%- for f in suppression_flags %}
        case when {{ f }} is not null then '{{ f | replace("_suppression", "") }} - ' || {{ f }} end
        {%- if not loop.last %},{% endif %}
        {%- endfor %}
    ), '') as suppression_reason
{%- endmacro %}
