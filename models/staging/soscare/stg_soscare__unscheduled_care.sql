with

source as (
    select * from {{ source('soscare', 'unscheduled_care') }}
),

code_setting_type as (
    select * from {{ ref('code_setting_type') }}
),

code_trust as (
    select * from {{ ref('code_trust') }}
),

deduplicated as (
    {{ fold_duplicate_lines('source', [
        'attendance_id',
        'hcn',
        'arrival_date',
        'setting_type',
        'setting_trust'
    ]) }}
),

hcn_dictionary as (
    {{ hcn_dictionary('deduplicated', 'hcn') }}
),

date_dictionary as (
    {{ date_dictionary('deduplicated', [
        'arrival_date'
    ]) }}
),

cleaned as (
    select
        {{ record_columns('unscheduled_care') }},
        {{ clean_text('attendance_id') }} as attendance_id,
        {{ hcn_columns() }},
        {{ date_columns('arrival_date') }},
        {{ code_columns('setting_type') }},
        {{ code_columns('setting_trust') }}
    from deduplicated
    {{ join_hcn_dictionary('hcn') }}
    {{ join_date_dictionary('arrival_date') }}
    {{ join_code_list('setting_type', 'code_setting_type') }}
    {{ join_code_list('setting_trust', 'code_trust') }}
),

final as (
    select * from cleaned
)

select * from final
