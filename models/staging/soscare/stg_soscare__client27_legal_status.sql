with

source as (
    select * from {{ source('soscare', 'client27_legal_status') }}
),

code_legal_status as (
    select * from {{ ref('code_legal_status') }}
),

deduplicated as (
    {{ fold_duplicate_lines('source', [
        'hcn',
        'soscare_id',
        'team',
        'legal_status',
        'granted_date',
        'terminated_date'
    ]) }}
),

hcn_dictionary as (
    {{ hcn_dictionary('deduplicated', 'hcn') }}
),

date_dictionary as (
    {{ date_dictionary('deduplicated', [
        'granted_date',
        'terminated_date'
    ]) }}
),

cleaned as (
    select
        {{ record_columns('client27_legal_status') }},
        {{ hcn_columns() }},
        {{ clean_text('soscare_id') }} as soscare_id,
        {{ clean_upper('team') }} as team,
        {{ code_columns('legal_status') }},
        {{ date_columns('granted_date') }},
        {{ date_columns('terminated_date') }}
    from deduplicated
    {{ join_hcn_dictionary('hcn') }}
    {{ join_code_list('legal_status', 'code_legal_status') }}
    {{ join_date_dictionary('granted_date') }}
    {{ join_date_dictionary('terminated_date') }}
),

final as (
    select
        *,
        granted_date as record_date
    from cleaned
)

select * from final
