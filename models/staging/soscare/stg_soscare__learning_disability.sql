with

source as (
    select * from {{ source('soscare', 'learning_disability') }}
),

code_learning_disability_type as (
    select * from {{ ref('code_learning_disability_type') }}
),

code_disability_degree as (
    select * from {{ ref('code_disability_degree') }}
),

deduplicated as (
    {{ fold_duplicate_lines('source', [
        'hcn',
        'soscare_id',
        'start_date',
        'end_date',
        'disability_type',
        'disability_degree'
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
        {{ record_columns('learning_disability') }},
        {{ hcn_columns() }},
        {{ clean_text('soscare_id') }} as soscare_id,
        {{ date_columns('start_date') }},
        {{ date_columns('end_date') }},
        {{ code_columns('disability_type') }},
        {{ code_columns('disability_degree') }}
    from deduplicated
    {{ join_hcn_dictionary('hcn') }}
    {{ join_date_dictionary('start_date') }}
    {{ join_date_dictionary('end_date') }}
    {{ join_code_list('disability_type', 'code_learning_disability_type') }}
    {{ join_code_list('disability_degree', 'code_disability_degree') }}
),

final as (
    select
        *,
        start_date as record_date
    from cleaned
)

select * from final
