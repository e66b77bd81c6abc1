with

source as (
    select * from {{ source('soscare', 'family') }}
),

code_relationship as (
    select * from {{ ref('code_relationship') }}
),

deduplicated as (
    {{ fold_duplicate_lines('source', [
        'hcn',
        'soscare_id',
        'family_member_id',
        'relationship'
    ]) }}
),

hcn_dictionary as (
    {{ hcn_dictionary('deduplicated', 'hcn') }}
),

cleaned as (
    select
        {{ record_columns('family') }},
        {{ hcn_columns() }},
        {{ clean_text('soscare_id') }} as soscare_id,
        {{ clean_text('family_member_id') }} as family_member_id,
        {{ code_columns('relationship') }}
    from deduplicated
    {{ join_hcn_dictionary('hcn') }}
    {{ join_code_list('relationship', 'code_relationship') }}
),

final as (
    select
        *,
        cast(null as date) as record_date
    from cleaned
)

select * from final
