with

source as (
    select * from {{ source('soscare', 'physical_impairment') }}
),

code_physical_disability_type as (
    select * from {{ ref('code_physical_disability_type') }}
),

code_diagnosis_type as (
    select * from {{ ref('code_diagnosis_type') }}
),

deduplicated as (
    {{ fold_duplicate_lines('source', [
        'hcn',
        'soscare_id',
        'start_date',
        'end_date',
        'disability_type',
        'diagnosis_type'
    ]) }}
),

cleaned as (
    select
        {{ record_columns('physical_impairment') }},
        {{ hcn_columns('hcn') }},
        {{ clean_text('soscare_id') }} as soscare_id,
        {{ date_columns('start_date') }},
        {{ date_columns('end_date') }},
        {{ code_columns('disability_type', 'code_physical_disability_type') }},
        {{ code_columns('diagnosis_type', 'code_diagnosis_type') }}
    from deduplicated
),

final as (
    select
        *,
        start_date as record_date
    from cleaned
)

select * from final
