with

source as (
    select * from {{ source('soscare', 'population') }}
),

code_gender as (
    select * from {{ ref('code_gender') }}
),

deduplicated as (
    {{ fold_duplicate_lines('source', [
        'year',
        'soa_code',
        'sex',
        'age',
        'population'
    ]) }}
),

cleaned as (
    select
        {{ record_columns('population') }},
        {{ integer_columns('year', 1900, (var('reference_date') | string)[:4] | int) }},
        {{ clean_upper('soa_code') }} as soa_code,
        {{ code_columns('sex') }},
        {{ integer_columns('age', 0, 17) }},
        {{ integer_columns('population', 0, none) }}
    from deduplicated
    {{ join_code_list('sex', 'code_gender') }}
),

final as (
    select * from cleaned
)

select * from final
