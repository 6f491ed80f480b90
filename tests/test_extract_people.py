"""People: byline authors, people named in the text, their 职务."""
from __future__ import annotations

from ccasx_analytics.extract import extract_article

from extract_helpers import article


def people(text: str, authors: tuple[str, ...] = ()):
    return extract_article(article(text, authors=authors)).people


def named(text: str) -> dict[str, str | None]:
    return {p.name: p.title for p in people(text) if p.role == "mentioned"}


def test_the_byline_zhang_junqing_jia_qing_gives_two_authors_without_offsets():
    ps = people("山西联通助力乡村振兴。", authors=("张俊清", "贾清"))
    assert [(p.name, p.role, p.start, p.end) for p in ps] == [
        ("张俊清", "author", None, None), ("贾清", "author", None, None)]


def test_a_title_before_a_name_is_kept_as_the_title():
    assert named("山西省通信管理局二级巡视员郭钦华出席会议并讲话。") == {"郭钦华": "二级巡视员"}
    assert named("山西电信总经理赵洪勋在致辞中提到算力。") == {"赵洪勋": "总经理"}


def test_a_chain_of_titles_is_kept_whole():
    assert named("党委书记、总经理邹宏图亲自为新员工授课。") == {"邹宏图": "党委书记、总经理"}
    assert named("党委委员、副总经理张克伟结合自身经验提出期望。") == {"张克伟": "党委委员、副总经理"}


def test_a_two_character_name_stops_before_the_next_word():
    assert named("原太原市电信局副局长李彪休息时发现背包上有几个洞。") == {"李彪": "副局长"}


def test_a_list_of_names_gives_every_name():
    text = "我们拿起名单数了起来：胡长万、刘明三、王光汉、殷子明、黄立、赵德贵、杨春才……。"
    assert set(named(text)) == {"胡长万", "刘明三", "王光汉", "殷子明", "黄立", "赵德贵", "杨春才"}


def test_a_parenthetical_title_after_a_name_is_kept():
    assert named("1943年3月洪学智（时任新四军2师参谋长）指挥的战斗。") == {"洪学智": "新四军2师参谋长"}


def test_every_occurrence_of_a_name_is_a_mention_with_offsets():
    text = "副局长李彪拿出名单。李彪说不能忘记。"
    ps = [p for p in people(text) if p.role == "mentioned"]
    assert [(p.start, p.end) for p in ps] == [(3, 5), (10, 12)]
    assert all(text[p.start:p.end] == p.name for p in ps)


def test_phrases_places_and_common_words_are_not_people():
    text = ("2025中国算力大会在大同隆重举行。《中国算力产业发展白皮书》正式发布。"
            "卫星便携基站有效恢复通信，智慧农业平台管护梅杏、党参。大活庄村是定点帮扶村。")
    assert named(text) == {}


def test_a_surname_with_a_title_abbreviation_is_not_a_name():
    assert "邹总" not in named("授课中，邹总分享了发展历程。毛主席号召打持久战。")
    assert "毛主席" not in named("授课中，邹总分享了发展历程。毛主席号召打持久战。")


def test_a_three_character_name_is_kept_when_a_word_follows_it():
    assert named("会议由省通信行业协会秘书长赵建国主持。") == {"赵建国": "秘书长"}
    assert named("副局长张华出席会议。") == {"张华": "副局长"}
    assert named("秘书长王海燕、副秘书长李娜参加。") == {"王海燕": "秘书长", "李娜": "副秘书长"}


# --- names introduced by a descriptor, a label, a list of winners, a set phrase ---------


def test_a_descriptor_introduces_a_name_and_is_not_a_title():
    got = named("65岁的养殖户韩志刚在院里接受采访，他的女儿韩雪梅在外地读书。")
    assert got == {"韩志刚": None, "韩雪梅": None}


def test_residence_and_origin_clauses_before_a_descriptor():
    got = named("家住阳泉市郊区的退休职工孟凡林说，来自大同的快递员邵春来也赶来帮忙。")
    assert set(got) == {"孟凡林", "邵春来"}


def test_an_age_alone_introduces_a_name():
    assert "钟玉兰" in named("八十岁的钟玉兰第一次用上了视频通话。")


def test_a_contact_label_and_an_author_note_introduce_names():
    got = named("请于月底前报送材料。联系人：曹文静，电话：0351-1234567。【作者简介】闫国强，高级工程师。")
    assert {"曹文静", "闫国强"} <= set(got)


def test_winners_listed_with_their_units_are_people():
    got = named("获评优秀志愿者的有：彭立新（山西移动）、董佳（山西电信）、庞宇航（山西联通）。")
    assert set(got) == {"彭立新", "董佳", "庞宇航"}


def test_a_name_in_a_political_set_phrase_is_a_mentioned_person():
    ps = people("全体党员认真学习邓小平理论和习近平新时代中国特色社会主义思想。")
    assert {(p.name, p.role) for p in ps} == {("邓小平", "mentioned"), ("习近平", "mentioned")}


def test_a_surname_that_is_also_a_preposition_after_a_title():
    assert "于建华" in named("公司副总经理于建华表示，将加快建设进度。")


def test_a_name_before_zuo_is_read_whole():
    assert "梁俊峰" in named("理事长梁俊峰作工作报告。")


def test_descriptor_words_before_ordinary_words_are_not_names():
    assert named("村民代表、居民用户和志愿者服务队参加了座谈。") == {}


def test_an_occupation_named_by_its_suffix_introduces_a_name():
    got = named("今年63岁的护林员柴宝山每天巡山，安全员武红英负责登记。")
    assert set(got) == {"柴宝山", "武红英"}


def test_a_clause_ending_in_de_introduces_a_full_name():
    assert "雷晓东" in named("在平遥古城，经营客栈的雷晓东对新装的千兆宽带赞不绝口。")


def test_a_list_of_names_followed_by_their_count():
    assert set(named("孙立新、侯建国、康明三位同志获得表彰。")) == {"孙立新", "侯建国", "康明"}


def test_member_units_and_common_words_after_an_occupation_are_not_names():
    assert named("全体会员单位和技术人员参加培训，工程师队伍不断壮大。") == {}


def test_a_winner_named_before_what_they_won():
    got = named("决赛中，来自忻州分公司的刘洋夺得第一名，晋中分公司选手荣获团体二等奖。")
    assert set(got) == {"刘洋"}


def test_a_descriptor_names_a_person_whose_name_the_tokenizer_splits():
    assert named("家住太原的老人牛德福学会了视频通话。") == {"牛德福": None}


def test_fellows_team_leaders_and_counted_pairs():
    assert named("他的徒弟卢浩然如今已是技术骨干。") == {"卢浩然": None}
    assert named("运维班班长焦建军带领大家抢修。") == {"焦建军": "班长"}
    assert set(named("郜振宇、樊丽娟等10名同志获评先进。")) == {"郜振宇", "樊丽娟"}
    assert named("山西、河北等省份同志参加。") == {}


def test_an_occupation_is_kept_as_the_title_a_standing_is_not():
    got = named("年轻的信息员贾晓彤上门服务，退休教师孟淑珍和老党员武福林也来了。")
    assert got == {"贾晓彤": "信息员", "孟淑珍": "退休教师", "武福林": None}


def test_a_title_beside_an_age_or_in_an_authors_note():
    assert named("合作社负责人、今年61岁的卫长青告诉笔者。") == {"卫长青": "负责人"}
    assert named("【作者简介】闫国强，太原理工大学教授，主要研究光通信。") == {"闫国强": "教授"}
    assert named("【作者简介】闫国强，长期从事研究。") == {"闫国强": None}


def test_a_contact_name_before_a_phone_number():
    assert "郝丽君" in named("报名请联系协会培训部郝丽君，电话0351-7000000。")


# --- committees in a 职务, households, forms of address ----------------------------------


def test_a_bare_levels_committee_before_a_title_is_part_of_the_title():
    got = named("座谈会上，县委副书记钱立明听取了汇报，市委书记邵国栋作总结。")
    assert got == {"钱立明": "县委副书记", "邵国栋": "市委书记"}


def test_a_household_word_introduces_a_name_without_a_title():
    got = named("种植大户贾春生算了一笔账，脱贫户冯桂兰也用上了直播。")
    assert got == {"贾春生": None, "冯桂兰": None}


def test_a_count_of_households_introduces_no_name():
    assert named("全村五十户张灯结彩，网格员逐户上门宣传。") == {}


def test_a_listed_occupation_is_kept_whole_as_the_title():
    assert named("网格员曹文静挨家挨户讲解防骗知识。") == {"曹文静": "网格员"}


def test_a_surname_with_a_form_of_address_is_no_name():
    assert named("李女士接到陌生来电后报了警，家住小店区的王先生也险些被骗。") == {}


def test_a_first_secretary_sent_to_a_village_keeps_the_whole_title():
    assert named("驻村第一书记谢明浩带着村民开直播。") == {"谢明浩": "第一书记"}


def test_veterans_entrepreneurs_and_streamers_introduce_names():
    got = named("退役军人乔志刚办起了合作社，农民企业家段志宏出资，电商主播闫丽丽负责销售。")
    assert got == {"乔志刚": None, "段志宏": None, "闫丽丽": "电商主播"}
