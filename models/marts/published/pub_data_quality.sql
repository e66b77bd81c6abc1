{#-
    Published data quality (relation published.data_quality): the aggregate
    columns of marts.data_quality, plus an all-Trusts row per file x year
    (trust_group 'ALL'), with disclosure control on every count: suppressed
    from 1 to threshold - 1, and secondarily within each file x year, whose
    all-Trusts row is the total of the Trust rows; the valid-HCN share is
    suppressed with either of its counts.
-#}
{%- set count_columns = [
    'records',
    'records_with_valid_hcn',
    'dates_missing',
    'dates_placeholder',
    'dates_unparseable',
    'dates_impossible',
    'dates_before_1985',
    'dates_after_reference_date',
    'unknown_codes',
    'bad_numbers',
    'duplicate_lines',
    'rejected_lines',
    'adult_referrals',
] -%}
{%- set flags = sdc_suppression_flags(count_columns) -%}
with

quality as (

    select * from {{ ref('data_quality') }}

),

trust_rows as (

    select
        module,
        coalesce(trust, 'NONE') as trust_group,
        year_ending,
        {% for count_column in count_columns -%}
            {{ count_column }},
        {% endfor -%}
        false as is_all_trusts
    from quality

),

all_trust_rows as (

    select
        module,
        'ALL' as trust_group,
        year_ending,
        {% for count_column in count_columns -%}
            sum({{ count_column }}) as {{ count_column }},
        {% endfor -%}
        true as is_all_trusts
    from quality
    group by module, year_ending

),

unioned as (

    select * from trust_rows
    union all
    select * from all_trust_rows

),

{{ sdc_suppress_all_counts(
    'unioned',
    count_columns,
    key_columns=['module', 'year_ending', 'trust_group'],
    group_columns=['module', 'year_ending'],
    is_total='is_all_trusts',
) }},

final as (

    select
        module,
        trust_group,
        year_ending,
        is_all_trusts,
        {% for count_column in count_columns -%}
            cast({{ sdc_mask(count_column, [count_column ~ '_suppression']) }} as bigint) as {{ count_column }},
        {% endfor -%}
        {{ sdc_mask(
            'cast(records_with_valid_hcn as double) / nullif(records, 0)',
            ['records_suppression', 'records_with_valid_hcn_suppression'],
        ) }} as share_valid_hcn,
        {{ sdc_row_status(flags) }}
    from protected

)

select * from final
