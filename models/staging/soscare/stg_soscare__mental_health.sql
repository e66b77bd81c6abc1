with

source as (
    select * from {{ source('soscare', 'mental_health') }}
),

code_condition_type as (
    select * from {{ ref('code_condition_type') }}
),

deduplicated as (
    {{ fold_duplicate_lines('source', [
        'hcn',
        'soscare_id',
        'start_date',
        'end_date',
        'condition_type'
    ]) }}
),

hcn_dictionary as (
    {{ hcn_dictionary('deduplicated', 'hcn') }}
),

date_dictionary as (
    {{ date_dictionary('deduplicated', [
        'start_date',
        'end_date'
    ]) }}
),

cleaned as (
    select
        {{ record_columns('mental_health') }},
        {{ hcn_columns() }},
        {{ clean_text('soscare_id') }} as soscare_id,
        {{ date_columns('start_date') }},
        {{ date_columns('end_date') }},
        {{ code_columns('condition_type') }}
    from deduplicated
    {{ join_hcn_dictionary('hcn') }}
    {{ join_date_dictionary('start_date') }}
    {{ join_date_dictionary('end_date') }}
    {{ join_code_list('condition_type', 'code_condition_type') }}
),

final as (
    select
        *,
        start_date as record_date
    from cleaned
)

select * from final
