-- Every data line of every raw file is a staged row, a folded duplicate or a reject:
-- landing.load_log.data_lines = staged rows + sum(duplicate_lines) + rows_rejected.
-- Returns the files that do not balance (and any file staged but not logged, or logged but not staged).

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

load_log as (
    select * from {{ source('landing', 'load_log') }}
),

staged as (
    {{ soscare_staged_line_counts(soscare_staging_files()) }}
),

final as (
    select
        load_log.data_lines,
        staged.staged_rows,
        staged.folded_lines,
        load_log.rows_rejected,
        coalesce(load_log.module, staged.module) as module
    from load_log
    full outer join staged
        on load_log.module = staged.module
    where
        load_log.module is null
        or staged.module is null
        or load_log.data_lines <> staged.staged_rows + staged.folded_lines + load_log.rows_rejected
)

select * from final
