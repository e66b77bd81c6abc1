{#-
    Data quality of the staged extract: one row per file (module or reference
    file) x Trust x financial year (`year_ending`). Trust and year come from
    the file's Trust and main event date (`trust` and `record_date`;
    unscheduled_care: `setting_trust` and `arrival_date`); they are null when
    the file has none or the value is unusable. Rejected lines cannot be placed
    in a Trust or year: they are counted on the file's row with trust and
    year_ending null. Adult referrals (aged 18 or over on the referral date,
    from `int_referrals_classified`) are counted on the referrals rows. Counts
    only: no identifiers. The per-file aggregates are generated from
    `soscare_staging_files()` (macros/quality).
-#}
{%- set files_with_hcn = [] -%}
{%- for file, spec in soscare_staging_files().items() if spec.hcn -%}
    {%- do files_with_hcn.append(file) -%}
{%- endfor %}

with

{{ soscare_staging_imports(soscare_staging_files().keys()) }}

rejects as (
    select * from {{ source('landing', 'rejects') }}
),

referrals_classified as (
    select * from {{ ref('int_referrals_classified') }}
),

by_file as (
    {{ soscare_quality_by_file(soscare_staging_files()) }}
),

rejected as (
    select
        module,
        cast(null as varchar) as trust,
        cast(null as integer) as year_ending,
        0 as records,
        cast(
            case
                when module in (
                    {%- for file in files_with_hcn %}
                        '{{ file }}'{% if not loop.last %},{% endif %}
                    {%- endfor %}
                ) then 0
            end as bigint
        ) as records_with_valid_hcn,
        0 as dates_missing,
        0 as dates_placeholder,
        0 as dates_unparseable,
        0 as dates_impossible,
        0 as dates_before_1985,
        0 as dates_after_reference_date,
        0 as unknown_codes,
        0 as bad_numbers,
        0 as duplicate_lines,
        count(*) as rejected_lines
    from rejects
    group by 1
),

adult_referrals as (
    select
        'referrals' as module,
        trust,
        year_ending,
        count(*) filter (where is_adult) as adult_referrals
    from referrals_classified
    group by 1, 2, 3
),

unioned as (
    select * from by_file
    union all
    select * from rejected
),

aggregated as (
    select
        module,
        trust,
        year_ending,
        cast(sum(records) as {{ dbt.type_bigint() }}) as records,
        cast(sum(records_with_valid_hcn) as {{ dbt.type_bigint() }}) as records_with_valid_hcn,
        sum(records_with_valid_hcn) * 1.0 / nullif(sum(records), 0) as share_valid_hcn,
        cast(sum(dates_missing) as {{ dbt.type_bigint() }}) as dates_missing,
        cast(sum(dates_placeholder) as {{ dbt.type_bigint() }}) as dates_placeholder,
        cast(sum(dates_unparseable) as {{ dbt.type_bigint() }}) as dates_unparseable,
        cast(sum(dates_impossible) as {{ dbt.type_bigint() }}) as dates_impossible,
        cast(sum(dates_before_1985) as {{ dbt.type_bigint() }}) as dates_before_1985,
        cast(sum(dates_after_reference_date) as {{ dbt.type_bigint() }}) as dates_after_reference_date,
        cast(sum(unknown_codes) as {{ dbt.type_bigint() }}) as unknown_codes,
        cast(sum(bad_numbers) as {{ dbt.type_bigint() }}) as bad_numbers,
        cast(sum(duplicate_lines) as {{ dbt.type_bigint() }}) as duplicate_lines,
        cast(sum(rejected_lines) as {{ dbt.type_bigint() }}) as rejected_lines
    from unioned
    group by 1, 2, 3
),

final as (
    select
        aggregated.*,
        case
            when aggregated.module = 'referrals' then coalesce(adult_referrals.adult_referrals, 0)
        end as adult_referrals
    from aggregated
    left join adult_referrals
        on
            aggregated.module = adult_referrals.module
            and aggregated.trust is not distinct from adult_referrals.trust
            and aggregated.year_ending is not distinct from adult_referrals.year_ending
)

select * from final
