with

source as (
    select * from {{ source('soscare', 'client41') }}
),

code_trust as (
    select * from {{ ref('code_trust') }}
),

code_episode_reason as (
    select * from {{ ref('code_episode_reason') }}
),

code_closed_reason as (
    select * from {{ ref('code_closed_reason') }}
),

deduplicated as (
    {{ fold_duplicate_lines('source', [
        'hcn',
        'soscare_id',
        'team',
        'trust',
        'seq_no',
        'start_date',
        'episode_reason',
        'closed_date',
        'closed_reason'
    ]) }}
),

hcn_dictionary as (
    {{ hcn_dictionary('deduplicated', 'hcn') }}
),

date_dictionary as (
    {{ date_dictionary('deduplicated', [
        'start_date',
        'closed_date'
    ]) }}
),

cleaned as (
    select
        {{ record_columns('client41') }},
        {{ hcn_columns() }},
        {{ clean_text('soscare_id') }} as soscare_id,
        {{ clean_upper('team') }} as team,
        {{ code_columns('trust') }},
        {{ integer_columns('seq_no') }},
        {{ date_columns('start_date') }},
        {{ code_columns('episode_reason') }},
        {{ date_columns('closed_date') }},
        {{ code_columns('closed_reason') }}
    from deduplicated
    {{ join_hcn_dictionary('hcn') }}
    {{ join_code_list('trust', 'code_trust') }}
    {{ join_date_dictionary('start_date') }}
    {{ join_code_list('episode_reason', 'code_episode_reason') }}
    {{ join_date_dictionary('closed_date') }}
    {{ join_code_list('closed_reason', 'code_closed_reason') }}
),

final as (
    select
        *,
        start_date as record_date
    from cleaned
)

select * from final
