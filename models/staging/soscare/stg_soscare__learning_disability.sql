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

cleaned as (
    select
        {{ record_columns('learning_disability') }},
        {{ hcn_columns('hcn') }},
        {{ clean_text('soscare_id') }} as soscare_id,
        {{ date_columns('start_date') }},
        {{ date_columns('end_date') }},
        {{ code_columns('disability_type', 'code_learning_disability_type') }},
        {{ code_columns('disability_degree', 'code_disability_degree') }}
    from deduplicated
),

final as (
    select
        *,
        start_date as record_date
    from cleaned
)

select * from final
