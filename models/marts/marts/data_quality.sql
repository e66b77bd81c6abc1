{#-
    Data quality of the staged extract: one row per file (module or reference
    file) x Trust x financial year (`year_ending`). Trust and year come from
    the file's Trust and main event date (`trust` and `record_date`;
    unscheduled_care: `setting_trust` and `arrival_date`); they are null when
    the file has none or the value is unusable. Rejected lines cannot be placed
    in a Trust or year: they are counted on the file's row with trust and
    year_ending null. Counts only: no identifiers. The per-file aggregates are
    generated from `soscare_staging_files()` (macros/quality).
-#}

with

referrals as (
    select * from {{ ref('stg_soscare__referrals') }}
),

children_in_need as (
    select * from {{ ref('stg_soscare__children_in_need') }}
),

cp_investigations as (
    select * from {{ ref('stg_soscare__cp_investigations') }}
),

cp_conferences as (
    select * from {{ ref('stg_soscare__cp_conferences') }}
),

cp_registrations as (
    select * from {{ ref('stg_soscare__cp_registrations') }}
),

looked_after as (
    select * from {{ ref('stg_soscare__looked_after') }}
),

client27 as (
    select * from {{ ref('stg_soscare__client27') }}
),

client27_legal_status as (
    select * from {{ ref('stg_soscare__client27_legal_status') }}
),

family as (
    select * from {{ ref('stg_soscare__family') }}
),

client as (
    select * from {{ ref('stg_soscare__client') }}
),

client41 as (
    select * from {{ ref('stg_soscare__client41') }}
),

physical_impairment as (
    select * from {{ ref('stg_soscare__physical_impairment') }}
),

learning_disability as (
    select * from {{ ref('stg_soscare__learning_disability') }}
),

mental_health as (
    select * from {{ ref('stg_soscare__mental_health') }}
),

soa_deprivation as (
    select * from {{ ref('stg_soscare__soa_deprivation') }}
),

postcode_soa as (
    select * from {{ ref('stg_soscare__postcode_soa') }}
),

population as (
    select * from {{ ref('stg_soscare__population') }}
),

unscheduled_care as (
    select * from {{ ref('stg_soscare__unscheduled_care') }}
),

rejects as (
    select * from {{ source('landing', 'rejects') }}
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
        cast(null as bigint) as records_with_valid_hcn,
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

unioned as (
    select * from by_file
    union all
    select * from rejected
),

final as (
    select
        module,
        trust,
        year_ending,
        sum(records) as records,
        sum(records_with_valid_hcn) as records_with_valid_hcn,
        sum(records_with_valid_hcn) * 1.0 / nullif(sum(records), 0) as share_valid_hcn,
        sum(dates_missing) as dates_missing,
        sum(dates_placeholder) as dates_placeholder,
        sum(dates_unparseable) as dates_unparseable,
        sum(dates_impossible) as dates_impossible,
        sum(dates_before_1985) as dates_before_1985,
        sum(dates_after_reference_date) as dates_after_reference_date,
        sum(unknown_codes) as unknown_codes,
        sum(bad_numbers) as bad_numbers,
        sum(duplicate_lines) as duplicate_lines,
        sum(rejected_lines) as rejected_lines
    from unioned
    group by 1, 2, 3
)

select * from final
